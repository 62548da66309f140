"""The Streamlit app through AppTest, without a browser."""
