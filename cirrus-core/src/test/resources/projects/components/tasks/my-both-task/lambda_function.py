#!/usr/bin/env python
from cirrus.lib2.process_payload import ProcessPayload
from cirrus.lib2.logging import get_task_logger


LAMBDA_TYPE = 'task'


def lambda_handler(event, context={}):
    payload = ProcessPayload.from_event(event)
    logger = get_task_logger(f'{LAMBDA_TYPE}.my-both-task', payload=payload)
    return payload.get_payload()
