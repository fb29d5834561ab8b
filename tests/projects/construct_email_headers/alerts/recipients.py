"""Who gets which e-mail."""

LIAISON = "liaison@intel.example-police.gov"
CITY_DESK = "desk@example-city.gov"
PARTNER = "research@partner.example.org"
