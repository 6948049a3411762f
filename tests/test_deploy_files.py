"""docker-compose.yml and the Dockerfile agree with the service (no Docker engine runs here,
so this checks what can be checked without one)."""

import yaml

from tests.conftest import ROOT


def test_compose_runs_api_with_redis_and_health_checks():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    api, redis = compose["services"]["api"], compose["services"]["redis"]
    assert api["environment"]["REDIS_URL"] == "redis://redis:6379/0"
    assert "/ready" in " ".join(api["healthcheck"]["test"]) and "ping" in redis["healthcheck"]["test"]
    assert api["depends_on"]["redis"]["condition"] == "service_healthy"


def test_dockerfile_starts_gunicorn_with_the_project_config():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert 'CMD ["gunicorn", "-c", "service/gunicorn_conf.py", "service.wsgi:app"]' in dockerfile
    for folder in ("service", "models", "index", "seeds"):
        assert f"COPY {folder} {folder}" in dockerfile
