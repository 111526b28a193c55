def handler(event, context=None):
    return event
