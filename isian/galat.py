"""The error every store of isian/ raises for a field or request it refuses."""


class GalatIsian(ValueError):
    """Refused as given. str() is the Indonesian reason (the command lines); `teks(bahasa)` the
    page's language (the English `en` where one was written, else the Indonesian), as
    metrics.definisi.PertanyaanTidakSah."""

    def __init__(self, pesan: str, en: str | None = None):
        super().__init__(pesan)
        self.en = en

    def teks(self, bahasa: str) -> str:
        return self.en if bahasa == "en" and self.en else str(self)
