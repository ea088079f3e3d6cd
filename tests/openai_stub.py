"""A small OpenAI-compatible chat server on 127.0.0.1 for tests and benchmarks.

Real HTTP: the real ``openai`` client talks to it. It answers the translation prompt
with a CoT that ends in the executed output (read from the ``Result:`` line of the
trace text in the prompt), or misbehaves on purpose: wrong answers, slowness, 429,
500, dropped connections, garbage bodies, ``finish_reason == "length"``.
Every request is logged with a hash of its messages so tests can prove a rerun
repeated no answered request.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_RESULT = re.compile(r"^Result: (.*)$", re.MULTILINE)


def messages_hash(messages: list[dict]) -> str:
    return hashlib.sha256(json.dumps(messages, sort_keys=True).encode()).hexdigest()


class StubOpenAI:
    """``behaviour`` decides per request: 'correct', 'wrong', 'wrong_once', 'slow', 'rate_limit_once',
    'error_once', 'drop_once', 'garbage_once', 'length', 'think', 'trickle' (a 200 whose body never ends). ``responder(messages, body)``, when given,
    writes the reply instead (its text, or ``(text, finish_reason)``; an int: that HTTP error status; bytes: a
    200 with that raw body); ``bodies`` keeps every request body."""

    def __init__(self, behaviour: str = "correct", delay: float = 0.0, responder=None,
                 content_type: str | None = "application/json", retry_after: str = "0") -> None:
        self.behaviour = behaviour
        self.retry_after = retry_after  # the Retry-After header of a 429
        self.content_type = content_type  # what a 200 reply says it is (None: no header, as some servers)
        self.delay = delay
        self.responder = responder  # optional: (messages, body) -> text or (text, finish_reason)
        self.bodies: list[dict] = []  # every request body, in arrival order
        self.log: list[str] = []  # messages hash per request, in arrival order
        self.answered: list[str] = []  # hashes whose 200 reply was fully written
        self.seen: Counter[str] = Counter()
        self.in_flight = 0
        self.max_in_flight = 0  # the most requests the server was handling at once
        self.connections: set[tuple] = set()  # client (host, port) of every connection that sent a request
        self.lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):  # noqa: N802
                stub._send(self, 200, {"requests": len(stub.log), "answered": len(stub.answered)})

            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                with stub.lock:
                    stub.in_flight += 1
                    stub.max_in_flight = max(stub.max_in_flight, stub.in_flight)
                    stub.connections.add(self.client_address)
                try:
                    stub._handle(self, body)
                finally:
                    with stub.lock:
                        stub.in_flight -= 1

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> "StubOpenAI":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


    # -- behaviour ------------------------------------------------------------------------
    def _handle(self, handler: BaseHTTPRequestHandler, body: dict) -> None:
        messages = body.get("messages", [])
        key = messages_hash(messages)
        with self.lock:
            self.log.append(key)
            self.bodies.append(body)
            self.seen[key] += 1
            attempt = self.seen[key]
        mode = self.behaviour
        if self.delay:
            time.sleep(self.delay)
        if mode == "rate_limit_once" and attempt == 1:
            return self._send(handler, 429, {"error": {"message": "slow down", "type": "rate_limit"}})
        if mode == "error_once" and attempt == 1:
            return self._send(handler, 500, {"error": {"message": "boom", "type": "server_error"}})
        if mode == "drop_once" and attempt == 1:
            handler.close_connection = True
            handler.connection.close()
            return None
        if mode == "garbage_once" and attempt == 1:
            return self._send_raw(handler, b"<html>not json</html>")
        if mode == "trickle":  # a reply that never ends: a byte every 0.1 s, as a keep-alive stream might
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", "100000")
            handler.end_headers()
            try:
                for _ in range(100000):
                    handler.wfile.write(b" ")
                    handler.wfile.flush()
                    time.sleep(0.1)
            except OSError:  # the client gave up
                pass
            return None
        prompt = "\n".join(m.get("content", "") for m in messages if m.get("role") == "user")
        results = _RESULT.findall(prompt)
        answer = results[-1] if results else "None"
        corrected = len([m for m in messages if m.get("role") == "user"]) > 1
        if mode == "wrong" or (mode == "wrong_once" and not corrected):
            answer = answer + "0"  # a different literal
        finish = "length" if mode == "length" else "stop"
        text = ("First we look at the input and follow the function line by line. "
                f"Each step updates the variables as described.\nTherefore, the final answer is: {answer}")
        if mode == "think":
            text = "<think>Let me check the trace... scratch work</think>\n" + text
        if self.responder is not None:
            answer = self.responder(messages, body)
            if isinstance(answer, int):  # an HTTP error status for this prompt
                return self._send(handler, answer, {"error": {"message": f"stub refuses with {answer}",
                                                              "type": "invalid_request_error"}})
            if isinstance(answer, bytes):  # a 200 whose body is not a chat completion
                return self._send_raw(handler, answer)
            text, finish = answer if isinstance(answer, tuple) else (answer, finish)
        reply = {
            "id": "chatcmpl-stub", "object": "chat.completion", "created": int(time.time()),
            "model": body.get("model", "stub"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": finish}],
            "usage": {"prompt_tokens": len(prompt) // 4, "completion_tokens": len(text or "") // 4,
                      "total_tokens": (len(prompt) + len(text or "")) // 4},
        }
        self._send(handler, 200, reply)
        with self.lock:
            self.answered.append(key)

    @staticmethod
    def _send_raw(handler: BaseHTTPRequestHandler, raw: bytes) -> None:
        """A 200 with a body that is not a chat completion."""
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(raw)))
        handler.end_headers()
        handler.wfile.write(raw)

    def _send(self, handler: BaseHTTPRequestHandler, status: int, payload: dict) -> None:
        raw = json.dumps(payload).encode()
        handler.send_response(status)
        if status != 200 or self.content_type is not None:
            handler.send_header("Content-Type", "application/json" if status != 200 else self.content_type)
        handler.send_header("Content-Length", str(len(raw)))
        if status == 429:
            handler.send_header("Retry-After", self.retry_after)
        handler.end_headers()
        handler.wfile.write(raw)


def serve_in_subprocess(behaviour: str = "correct"):
    """Run a stub in its own process (no GIL shared with the client being measured).

    Returns ``(base_url, stop)``; ``GET base_url + "/stats"`` gives the request counts.
    """
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, __file__, behaviour], stdout=subprocess.PIPE, text=True)
    base_url = process.stdout.readline().strip()

    def stop() -> None:
        process.terminate()
        process.wait(10)

    return base_url, stop


def request_count(base_url: str) -> int:
    import urllib.request

    with urllib.request.urlopen(base_url + "/stats", timeout=10) as response:
        return json.loads(response.read())["requests"]


if __name__ == "__main__":
    import sys

    with StubOpenAI(sys.argv[1] if len(sys.argv) > 1 else "correct") as _stub:
        print(_stub.base_url, flush=True)
        _stub.thread.join()
