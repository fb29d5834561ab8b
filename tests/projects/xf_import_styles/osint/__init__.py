"""An OSINT toolkit laid out as a package; modules import each other in every usual style."""
