"""Small ontologies for the synthetic-corpus generator in the bench tests."""

from __future__ import annotations

from kgraph.ontology import Ontology, OntologyEntry


def tiny_ontology() -> Ontology:
    """Nine entries of the three types, some with aliases."""
    onto = Ontology()
    for name, type_, aliases in [
        ("Airbnb", "COMPANY", []),
        ("Slack", "COMPANY", []),
        ("Databricks", "COMPANY", []),
        ("Apache Kafka", "TECHNOLOGY", ["Kafka"]),
        ("Kubernetes", "TECHNOLOGY", ["k8s"]),
        ("PostgreSQL", "TECHNOLOGY", ["Postgres"]),
        ("Apache Spark", "TECHNOLOGY", ["Spark"]),
        ("sharding", "CONCEPT", []),
        ("load balancing", "CONCEPT", []),
    ]:
        onto.add(OntologyEntry(name=name, type=type_, aliases=aliases))
    return onto
