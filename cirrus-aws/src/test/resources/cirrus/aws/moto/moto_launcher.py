"""Starts moto_server with the two moto 5.2.1 workarounds cirrus' tests need.

Usage: MOTO_PORT=<port> python3 moto_launcher.py -H 127.0.0.1 -p <port>

* getmoto/moto#10077 (fixed upstream by PR #10093, not in 5.2.1): the second StartExecution in a
  backend fails with "cannot pickle '_thread.RLock' object" (deepcopy of live executions).
* getmoto/moto#10076: optimized integrations (batch:submitJob[.sync], aws-sdk:*) pass PascalCase
  Parameters straight to boto; normalise them through the botocore shapes like AWS does.

* moto's CloudFormation support for AWS::Batch::ComputeEnvironment requires ServiceRole, which is
  optional on AWS (Batch then uses its service-linked role AWSServiceRoleForBatch, which cirrus'
  builtin compute environments rely on); without one the launcher uses that role, creating it in
  moto's IAM on first use.

* moto has a Timestream API but no CloudFormation support for AWS::Timestream::Database/Table,
  so a template that reads their Arn (cirrus' builtin IAM statements do) fails to create; the
  launcher adds that support on top of moto's own timestream-write backend.

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

from moto.batch import models as _batch  # noqa: E402

_create_compute_environment = _batch.ComputeEnvironment.create_from_cloudformation_json.__func__
_SERVICE_LINKED = "AWSServiceRoleForBatch"


def _compute_environment_from_cfn(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    properties = cloudformation_json["Properties"]
    if "ServiceRole" not in properties:
        iam = _batch.batch_backends[account_id][region_name].iam_backend
        try:
            role = iam.get_role(_SERVICE_LINKED)
        except Exception:  # moto's NotFoundException
            role = iam.create_role(
                role_name=_SERVICE_LINKED,
                assume_role_policy_document="{}",
                path="/aws-service-role/batch.amazonaws.com/",
                permissions_boundary=None,
                description="service-linked role (moto_launcher)",
                tags=[],
                max_session_duration=None,
            )
        cloudformation_json = dict(cloudformation_json)
        cloudformation_json["Properties"] = dict(properties, ServiceRole=role.arn)
    return _create_compute_environment(
        cls, resource_name, cloudformation_json, account_id, region_name, **kwargs
    )


_batch.ComputeEnvironment.create_from_cloudformation_json = classmethod(_compute_environment_from_cfn)

from moto.core.common_models import CloudFormationModel  # noqa: E402
from moto.timestreamwrite.models import timestreamwrite_backends  # noqa: E402


def _database(account_id, region_name, name, kms_key_id):
    """The database, created when missing: moto creates a resource early when another one reads
    its attributes, ignoring DependsOn, so a table may come before its database."""
    backend = timestreamwrite_backends[account_id][region_name]
    if name in backend.databases:
        return backend.databases[name]
    return backend.create_database(name, kms_key_id, tags=[])


class _TimestreamResource:
    """A Timestream database or table created by CloudFormation (Ref: name, GetAtt: Arn, Name)."""

    def __init__(self, physical_id, arn, name):
        self._physical_id = physical_id
        self.arn = arn
        self.name = name

    @property
    def physical_resource_id(self):
        return self._physical_id

    @classmethod
    def has_cfn_attr(cls, attr):
        return attr in ("Arn", "Name")

    def get_cfn_attribute(self, attribute_name):
        return self.arn if attribute_name == "Arn" else self.name

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
        return original_resource

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        pass


# direct subclasses of CloudFormationModel (moto lists those), in a moto module (its registry
# names models by their module)
class _TimestreamDatabase(_TimestreamResource, CloudFormationModel):
    __module__ = "moto.timestreamwrite.models"

    @staticmethod
    def cloudformation_name_type():
        return "DatabaseName"

    @staticmethod
    def cloudformation_type():
        return "AWS::Timestream::Database"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        properties = cloudformation_json.get("Properties", {})
        name = properties.get("DatabaseName", resource_name)
        database = _database(account_id, region_name, name, properties.get("KmsKeyId"))
        return cls(name, database.arn, name)


class _TimestreamTable(_TimestreamResource, CloudFormationModel):
    __module__ = "moto.timestreamwrite.models"

    @staticmethod
    def cloudformation_name_type():
        return "TableName"

    @staticmethod
    def cloudformation_type():
        return "AWS::Timestream::Table"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        properties = cloudformation_json.get("Properties", {})
        name = properties.get("TableName", resource_name)
        database = properties["DatabaseName"]
        _database(account_id, region_name, database, None)
        retention = {k: int(v) for k, v in properties.get("RetentionProperties", {}).items()}
        table = timestreamwrite_backends[account_id][region_name].create_table(
            database, name, retention, tags=[], magnetic_store_write_properties={}, schema={}
        )
        return cls(database + "|" + name, table.arn, name)


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
