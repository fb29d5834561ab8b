"""The shared alert channel of the on-call desk: SMS through Twilio."""

from twilio.rest import Client as TwilioClient

from watch import config


class Alerter:
    def __init__(self):
        self.sms = TwilioClient(config.TWILIO_SID, config.TWILIO_AUTH)

    def to_phone(self, text):
        self.sms.messages.create(to=config.ON_CALL_PHONE, from_=config.TWILIO_FROM, body=text[:1500])
