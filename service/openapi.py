"""Print the OpenAPI document the app serves, as YAML: `python -m service.openapi > openapi.yaml`.
A test fails when the committed file and the served spec differ."""

import sys

import yaml

from service import create_app
from service.runtime import Engine
from service.settings import Settings


class _Idle(Engine):
    """The spec needs the routes and schemas, not the model: skip the warm-up."""

    def warm_up(self):
        return None

    def start_warm_up(self):
        return None


def spec_dict() -> dict:
    settings = Settings.from_env({})
    return create_app(settings, _Idle(settings)).extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()


def spec_yaml() -> str:
    return yaml.safe_dump(spec_dict(), sort_keys=True, allow_unicode=True)


if __name__ == "__main__":
    sys.stdout.write(spec_yaml())
