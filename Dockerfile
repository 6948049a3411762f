# The API image. Build context: the repository. The index is built at first start into
# /app/var/index (a volume in docker-compose.yml), never baked into the image.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PYTHONPATH=/app \
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
WORKDIR /app
# For a CPU-only torch, point PIP_EXTRA_INDEX_URL at a CPU wheel index when building.
ARG PIP_EXTRA_INDEX_URL=""
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY service service
COPY models models
COPY index index
COPY seeds seeds
RUN useradd --create-home claimverify && mkdir -p var/index && chown claimverify var/index
USER claimverify
ENV CLAIMVERIFY_BIND=0.0.0.0:8000
EXPOSE 8000
CMD ["gunicorn", "-c", "service/gunicorn_conf.py", "service.wsgi:app"]
