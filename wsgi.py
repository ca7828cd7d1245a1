"""For a production server: gunicorn -w 4 -b 0.0.0.0:8050 wsgi:server (see README)."""

import app

app.catat_log()
server = app.create_app().server
