"""The web server around the Dash app: the login gate and security headers (masuk), downloads
(unduh), the projector review route (tinjauan). Above layouts/: it may use pages, metrics and akses."""
