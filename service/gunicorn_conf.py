"""gunicorn settings. The app (and with it the encoder) is created in each worker after the
fork: a torch model preloaded in the master makes forked workers hang."""

import os

bind = os.environ.get("CLAIMVERIFY_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("CLAIMVERIFY_THREADS", "4"))
preload_app = False
timeout = 120           # a worker's first request may wait for the warm-up
graceful_timeout = 30
keepalive = 5
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("CLAIMVERIFY_LOG_LEVEL", "info")
# Access log without query strings or bodies: claims and keys never reach the log.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# Two workers share two cores: one encoder thread each avoids oversubscription.
raw_env = [f"CLAIMVERIFY_ENCODER_THREADS={os.environ.get('CLAIMVERIFY_ENCODER_THREADS', '1')}"]
control_socket_disable = True  # no ~/.gunicorn/ socket: nothing here uses gunicornc
