"""For a production server: gunicorn -w 4 -b 0.0.0.0:8050 wsgi:server (see README)."""

import app
from server import hangat

app.catat_log()
server = app.create_app().server
hangat.mulai()  # this worker's first views drawn before anyone asks, and again after each new build
