"""The app and the HTML export in Debian's Chromium, through Playwright."""
