"""Runs one invocation of a Python Lambda handler for the cirrus local engine.

Usage: python3 bootstrap.py HANDLER CODE_DIR CONTEXT_JSON < event.json

The event is read from stdin. The handler's result (exit status 0) or its error as
{"errorType", "errorMessage", "stackTrace"} (exit status 3) is written to stdout as JSON;
everything the handler prints goes to stderr, which becomes the invocation's log.
"""
import importlib
import json
import os
import sys
import time
import traceback

ERROR_EXIT = 3


class LambdaContext:
    def __init__(self, values):
        self.function_name = values["function_name"]
        self.function_version = "$LATEST"
        self.invoked_function_arn = values["invoked_function_arn"]
        self.memory_limit_in_mb = values["memory_limit_in_mb"]
        self.aws_request_id = values["aws_request_id"]
        self.log_group_name = values["log_group_name"]
        self.log_stream_name = values["log_stream_name"]
        self._deadline_ms = values["deadline_ms"]

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline_ms - time.time() * 1000))


def main():
    handler_spec, code_dir, context_json = sys.argv[1], sys.argv[2], sys.argv[3]
    result_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def finish(payload, status):
        json.dump(payload, result_out)
        result_out.flush()
        sys.stderr.flush()
        os._exit(status)

    def error(error_type, message, trace=None):
        finish({"errorType": error_type, "errorMessage": message, "stackTrace": trace or []}, ERROR_EXIT)

    event = json.load(sys.stdin)
    context = LambdaContext(json.loads(context_json))
    sys.path.insert(0, code_dir)
    os.chdir(code_dir)
    module_name, _, function_name = handler_spec.rpartition(".")
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except Exception as e:  # noqa: BLE001 - reported like the Lambda runtime does
        error("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, e))
    handler = getattr(module, function_name, None)
    if handler is None:
        error("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name))
    try:
        result = handler(event, context)
    except Exception as e:  # noqa: BLE001
        trace = [line.rstrip("\n") for line in traceback.format_tb(e.__traceback__)]
        error(type(e).__name__, str(e), trace)
    try:
        text = json.dumps(result)
    except (TypeError, ValueError) as e:
        error("Runtime.MarshalError", "Unable to marshal response: %s" % e)
    result_out.write(text)
    result_out.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
