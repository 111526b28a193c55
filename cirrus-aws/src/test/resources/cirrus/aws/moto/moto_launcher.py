"""Starts moto_server with the two moto 5.2.1 workarounds cirrus' tests need.

Usage: MOTO_PORT=<port> python3 moto_launcher.py -H 127.0.0.1 -p <port>

* getmoto/moto#10077 (fixed upstream by PR #10093, not in 5.2.1): the second StartExecution in a
  backend fails with "cannot pickle '_thread.RLock' object" (deepcopy of live executions).
* getmoto/moto#10076: optimized integrations (batch:submitJob[.sync], aws-sdk:*) pass PascalCase
  Parameters straight to boto; normalise them through the botocore shapes like AWS does.

It also makes DynamoDB item writes atomic: moto_server is threaded and its condition check and
update are not locked, so two concurrent conditional writes can both succeed, which DynamoDB never
allows (the claim protocol relies on it).
"""
import functools
import sys
import threading

import botocore.session
from moto.stepfunctions.parser.backend.execution import Execution
from moto.stepfunctions.parser.asl.component.state.exec.state_task.service import (
    state_task_service as sts,
)

Execution.__deepcopy__ = lambda self, memo: self  # moto#10077

_models = {}


def _op(svc, action):
    if svc not in _models:
        _models[svc] = botocore.session.get_session().get_service_model(svc)
    return _models[svc].operation_model("".join(p.capitalize() for p in action.split("_")))


def _norm_params(self, parameters, boto_service_name=None, service_action_name=None):  # moto#10076
    op = _op(
        self._get_boto_service_name(boto_service_name),
        self._get_boto_service_action(service_action_name),
    )
    if op.input_shape is not None:
        self._to_boto_request(parameters, op.input_shape)


def _norm_resp(self, response, boto_service_name=None, service_action_name=None):
    op = _op(
        self._get_boto_service_name(boto_service_name),
        self._get_boto_service_action(service_action_name),
    )
    if op.output_shape is not None:
        self._from_boto_response(response, op.output_shape)


sts.StateTaskService._normalise_parameters = _norm_params
sts.StateTaskService._normalise_response = _norm_resp

from moto.dynamodb.models import DynamoDBBackend  # noqa: E402

_dynamodb_lock = threading.RLock()


def _locked(method):
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        with _dynamodb_lock:
            return method(*args, **kwargs)

    return wrapper


for _name in ("put_item", "update_item", "delete_item", "transact_write_items", "get_item"):
    setattr(DynamoDBBackend, _name, _locked(getattr(DynamoDBBackend, _name)))


def _exit_with_parent():
    """Stops the server when the JVM that started it is gone (even if it was killed)."""
    import os
    import time

    parent = int(os.environ.get("CIRRUS_MOTO_PARENT_PID", "0"))
    if parent <= 0:
        return

    def watch():
        while True:
            time.sleep(1)
            try:
                os.kill(parent, 0)
            except OSError:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


_exit_with_parent()

from moto.server import main  # noqa: E402

sys.exit(main())
