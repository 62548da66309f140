"""The entity card lists each alias spelling once."""

from kgraph.analysis.card import _distinct_spellings


def test_case_variants_and_plurals_of_an_alias_are_listed_once():
    aliases = [
        "K8s",
        "k8s",
        "ConfigMaps",
        "ConfigMap",
        "StorageClass",
        "StorageClasses",
        "NetworkPolicy",
        "NetworkPolicies",
        "CRD",
        "CRDs",
    ]
    assert _distinct_spellings("Kubernetes", aliases) == [
        "K8s",
        "ConfigMaps",
        "StorageClass",
        "NetworkPolicy",
        "CRD",
    ]


def test_a_capital_final_s_is_part_of_the_name():
    assert _distinct_spellings("Amazon ECS", ["EC", "ECS"]) == ["EC", "ECS"]
    assert _distinct_spellings("Amazon Elastic Container Service", ["ECS"]) == ["ECS"]
