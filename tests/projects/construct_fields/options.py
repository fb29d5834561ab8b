"""The run configuration: some fields are typed by the user, others are filled from the platform."""


class Options:
    def __init__(self):
        self.Username = None
        self.Location = None
        self.Near = None
        self.Lang = "en"
        self.Limit = 100


class Session:
    """Holds the options and the account it resolved, like twint's Config on a run object."""

    def __init__(self, near, lang):
        self.config = Options()
        self.config.Near = near
        self.config.Lang = lang
        self.account = None
