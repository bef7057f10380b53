#!/usr/bin/env python3
"""Drives the fake Runflow server through its control API with the standard library only.

usage: python3 control_api.py <base-url>    (the fake's base URL, e.g. http://127.0.0.1:8089)

Start the fake with the standalone jar (its control API is on by default) and run this script
against it; any failed check exits non-zero. ControlApiPythonTest runs it in the build.
"""
import hashlib
import hmac
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer


class Hooks(BaseHTTPRequestHandler):
    """A callback receiver: keeps each body with its Runflow-Signature and answers 200."""

    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Hooks.received.append((body, self.headers["Runflow-Signature"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


receiver = HTTPServer(("127.0.0.1", 0), Hooks)
threading.Thread(target=receiver.serve_forever, daemon=True).start()
hooks_url = "http://127.0.0.1:%d/hooks" % receiver.server_port

# snippet:start control-api
import json
import sys
import urllib.error
import urllib.request

BASE = sys.argv[1]  # e.g. http://127.0.0.1:8089
FLUX = "/v1/models/black-forest-labs/flux-1-1-pro-ultra/runs"


def call(method, path, body=None, key=None):
    """One JSON request; returns (status, parsed answer) for error statuses too."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if key:
        request.add_header("Authorization", "Bearer " + key)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


_, fake = call("GET", "/__fake/v1/server")  # the control API needs no key
key = fake["api_key"]
call("POST", "/__fake/v1/reset")

# A fault: the next create answers 503 and creates nothing.
call("POST", "/__fake/v1/faults", {"kind": "unavailable", "path": "/v1/models/"})
status, error = call("POST", FLUX, {"input": {"prompt": "a red fox"}}, key)
assert (status, error["code"]) == (503, "SERVICE_UNAVAILABLE"), error

# An outcome: the next run fails after a minute of server time.
call("POST", "/__fake/v1/outcomes", {"next": True, "outcome": {
    "kind": "fail", "code": "PROVIDER_ERROR", "stage": "inference",
    "message": "GPU on fire", "after": "PT1M"}})
hooks = {"callback_url": hooks_url}  # a receiver of the test's own, on a thread
status, run = call("POST", FLUX, {"input": {"prompt": "a red fox"}, **hooks}, key)
assert status == 201, run

# Time: the server's clock moves only as far as it is told.
call("POST", "/__fake/v1/time/advance", {"duration": 30})
assert call("GET", "/v1/runs/" + run["id"], key=key)[1]["status_code"] == "running"
call("POST", "/__fake/v1/time/advance", {"duration": 60})
_, run = call("GET", "/v1/runs/" + run["id"], key=key)
assert (run["status_code"], run["failure_message"]) == ("failed", "GPU on fire"), run

# The journal: the API requests, the faulted one too, and no control request.
_, journal = call("GET", "/__fake/v1/requests")
assert [r["method"] + " " + r["path"] for r in journal["items"]] == [
    "POST " + FLUX, "POST " + FLUX, "GET /v1/runs/" + run["id"], "GET /v1/runs/" + run["id"]]
assert journal["items"][1]["json"]["callback_url"] == hooks_url

# Deliveries: the signed callback reached the receiver on its first attempt.
_, deliveries = call("GET", "/__fake/v1/deliveries?run_id=" + run["id"])
delivery = deliveries["items"][0]
assert (delivery["status"], delivery["attempts"][0]["status_code"]) == ("succeeded", 200)
assert delivery["json"]["event"] == "run.failed", delivery["json"]
# snippet:end control-api

body, signature = Hooks.received[0]
expected = hmac.new(fake["webhook_secret"].encode(), body, hashlib.sha256).hexdigest()
assert hmac.compare_digest(signature, expected), "callback signature does not verify"
assert json.loads(body)["run_id"] == run["id"]
assert call("GET", "/__fake/v1/nothing-here")[0] == 404

# The faults that spoil an answer: an HTML error page, and a create applied but its answer cut.
call("POST", "/__fake/v1/faults", {"kind": "html_page", "status": 502, "path": "/v1/runs"})
try:
    urllib.request.urlopen(urllib.request.Request(BASE + "/v1/runs", headers={"Authorization": "Bearer " + key}))
    raise AssertionError("the HTML page was not an error")
except urllib.error.HTTPError as error:
    assert (error.code, error.headers["Content-Type"]) == (502, "text/html"), error.headers
    assert b"<title>502 Bad Gateway</title>" in error.read()
runs_before = len(call("GET", "/__fake/v1/runs")[1]["items"])
call("POST", "/__fake/v1/faults", {"kind": "truncated_body", "path": "/v1/models/"})
try:
    call("POST", FLUX, {"input": {"prompt": "cut short"}}, key)
    raise AssertionError("the cut answer was read whole")
except Exception as cut:  # http.client.IncompleteRead, or the connection closed under it
    assert not isinstance(cut, AssertionError), cut
assert len(call("GET", "/__fake/v1/runs")[1]["items"]) == runs_before + 1

# snippet:start load-test
# A load test no longer runs dry: top the credit up (or start with --balance 10000).
status, topped = call("POST", "/__fake/v1/balance", {"balance": "10000.00"})
assert (status, topped["balance"]) == (200, "10000.00"), topped
assert call("GET", "/v1/billing/balance", key=key)[1]["balance"] == "10000.00"

# An outage: the receiving end is unreachable for 2 s of server time. The run ends at
# once; the fake retries after 1 s and 2 s more: two attempts fail, the third gets through.
call("POST", "/__fake/v1/callbacks/block", {"duration": "PT2S"})
status, run = call("POST", FLUX, {"input": {"prompt": "down"}, **hooks}, key)
call("POST", "/__fake/v1/time/advance", {"duration": 60})
_, deliveries = call("GET", "/__fake/v1/deliveries?run_id=" + run["id"])
attempts = deliveries["items"][0]["attempts"]
assert [a["succeeded"] for a in attempts] == [False, False, True], attempts
assert attempts[0]["error"].startswith("connection refused"), attempts[0]
# snippet:end load-test

receiver.shutdown()
print("control API: fault, outcome, time, journal, deliveries, balance and outage all checked")
