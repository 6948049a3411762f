"""The committed openapi.yaml is what the app serves (regenerate: make openapi)."""

import yaml

from service.openapi import spec_dict
from tests.conftest import ROOT


def test_committed_openapi_equals_served_spec(client):
    committed = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    served = client.get("/openapi.json").get_json()
    assert committed == served == spec_dict()


def test_errors_are_documented_as_problem_json():
    spec = spec_dict()
    verify = spec["paths"]["/verify"]["post"]["responses"]
    assert {"200", "400", "413", "415", "422", "503", "default"} <= set(verify)
    for name in ("UNPROCESSABLE_ENTITY", "DEFAULT_ERROR"):
        assert list(spec["components"]["responses"][name]["content"]) == ["application/problem+json"]
