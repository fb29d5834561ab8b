"""devterms: finds social-platform data flowing into surveillance sinks, before it ships."""

__version__ = "0.1.0"
