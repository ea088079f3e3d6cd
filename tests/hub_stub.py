"""A small Hugging Face Hub look-alike on 127.0.0.1 for tests that drive the real ``huggingface_hub`` client.

Stdlib only (``http.server.ThreadingHTTPServer``): repos live in memory, keyed by repo type + id, with git-like
commits (sha1 ids, parents, a full file tree per commit), branches, tags and pull-request refs (``refs/pr/N``).
Every upload is answered ``uploadMode: "regular"`` by the preupload endpoint, so files travel base64 inside the
NDJSON commit body and neither LFS nor Xet is ever involved (the client then never starts an hf_xet transfer).

Usage::

    with HubStub() as hub:                      # tokens: {"hf_test": "test-user"}
        api = HfApi(endpoint=hub.url, token="hf_test")
        ...
        hub.files("test-user/ds")               # {path: bytes} at main (dataset repos by default)
        hub.requests                            # every request: method, path, query, status, token

Pointing the client at the stub:

* in a subprocess: ``env = {**os.environ, **hub.env(tmp_path)}`` (``HF_ENDPOINT``, ``HF_TOKEN``, ``HF_HOME`` in a
  tmp dir, Xet / telemetry / download counts off);
* in-process: ``point_client_at(hub, monkeypatch, tmp_path)``: the client reads ``HF_ENDPOINT`` once at import,
  into several module constants (see that function), so setting the env var alone is not enough there.

What the server implements is exactly what ``huggingface_hub`` 2.x and ``datasets`` 5.x call for create_repo /
repo_info / list_repo_tree / get_paths_info / upload_folder / create_commit / create_branch / create_tag /
create_pull_request / hf_hub_download / snapshot_download / HfFileSystem / RepoCard.load / load_dataset(repo_id);
see ``HubStub`` for the list of routes. Not implemented: LFS and Xet transfers (a commit with an ``lfsFile`` line is
refused with 400), buckets, spaces runtime, jobs, collections, the datasets-server API.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import os
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

__all__ = ["Commit", "HubStub", "LoggedRequest", "Repo", "git_blob_sha", "point_client_at"]

REPO_TYPES = {"models": "model", "datasets": "dataset", "spaces": "space"}
URL_PREFIX = {"model": "", "dataset": "datasets/", "space": "spaces/"}
DEFAULT_GITATTRIBUTES = (
    b"*.bin filter=lfs diff=lfs merge=lfs -text\n"
    b"*.parquet filter=lfs diff=lfs merge=lfs -text\n"
    b"*.safetensors filter=lfs diff=lfs merge=lfs -text\n"
)
_HEX = re.compile(r"[0-9a-f]{7,40}")
_DEFAULT_TOKENS = {"hf_test": "test-user"}


def git_blob_sha(content: bytes) -> str:
    """The git object id of a blob, as the Hub reports it (``oid`` / ``blobId`` / ``ETag`` of regular files)."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


def _now_iso() -> str:
    t = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + f".{int((t % 1) * 1000):03d}Z"


def _front_matter(readme: bytes | None) -> dict | None:
    """The YAML metadata block at the top of a README.md (None when absent or invalid)."""
    if not readme:
        return None
    import yaml  # a huggingface_hub dependency

    text = readme.decode("utf-8", errors="replace").lstrip("\ufeff")
    match = re.match(r"^---\s*\n(.*?)\n---\s*(\n|$)", text, flags=re.DOTALL)
    if not match:
        return None
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


@dataclass
class Commit:
    sha: str
    parents: list[str]
    tree: dict[str, bytes]
    title: str
    message: str
    author: str
    date: str


@dataclass
class Repo:
    repo_type: str
    repo_id: str
    private: bool
    created_at: str
    commits: dict[str, Commit] = field(default_factory=dict)
    branches: dict[str, str] = field(default_factory=dict)  # name -> commit sha
    tags: dict[str, str] = field(default_factory=dict)
    prs: dict[int, dict] = field(default_factory=dict)  # num -> {"ref", "title", "status", "base", "sha", ...}
    discussion_counter: int = 0

    def resolve(self, revision: str) -> str | None:
        """Commit sha of a branch / tag / refs/... name / (abbreviated) commit sha; None if unknown."""
        if revision in self.branches:
            return self.branches[revision]
        if revision in self.tags:
            return self.tags[revision]
        if revision.startswith("refs/heads/"):
            return self.branches.get(revision[len("refs/heads/"):])
        if revision.startswith("refs/tags/"):
            return self.tags.get(revision[len("refs/tags/"):])
        match = re.fullmatch(r"refs/pr/(\d+)", revision)
        if match:
            pr = self.prs.get(int(match.group(1)))
            return pr["sha"] if pr else None
        if _HEX.fullmatch(revision):
            hits = [sha for sha in self.commits if sha.startswith(revision)]
            if len(hits) == 1:
                return hits[0]
        return None

    def history(self, sha: str) -> list[Commit]:
        out, seen = [], set()
        while sha and sha not in seen:
            seen.add(sha)
            commit = self.commits[sha]
            out.append(commit)
            sha = commit.parents[0] if commit.parents else ""
        return out


@dataclass
class LoggedRequest:
    method: str
    path: str  # percent-decoded path, no query string
    raw_path: str  # as sent, with query string
    query: dict[str, list[str]]
    headers: dict[str, str]
    token: str | None  # bearer token sent, if any
    status: int = 0
    body: bytes = b""

    @property
    def is_write(self) -> bool:
        return self.method in ("POST", "PUT", "DELETE", "PATCH") and not self.path.endswith("/validate-yaml") \
            and "/paths-info/" not in self.path


class _HttpError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None, headers: dict | None = None,
                 extra: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.code, self.headers = status, message, code, headers or {}
        self.extra = extra or {}


class HubStub:
    """In-memory Hub server. Routes (``{type}`` = models | datasets | spaces; ids are ``namespace/name``)::

        GET  /api/whoami-v2
        POST /api/repos/create            {name, organization, type, visibility|private}   409 if it exists
        POST /api/repos/delete            {name, organization, type}
        POST /api/validate-yaml           {content, repoType}
        GET  /api/{type}/{id}[/revision/{rev}]                     repo info: sha, private, siblings, cardData
        PUT  /api/{type}/{id}/settings    {private|visibility}
        GET  /api/{type}/{id}/auth-check
        GET  /api/{type}/{id}/tree/{rev}[/{path}]?recursive=&expand=
        POST /api/{type}/{id}/paths-info/{rev}                     form or JSON: paths=..., expand=
        GET  /api/{type}/{id}/refs[?include_prs=1]
        GET  /api/{type}/{id}/commits/{rev}
        POST /api/{type}/{id}/preupload/{rev}                      always uploadMode "regular"
        POST /api/{type}/{id}/commit/{rev}[?create_pr=1]           NDJSON: header, file (base64), deletedFile,
                                                                   deletedFolder; 412 on stale parentCommit
        POST|DELETE /api/{type}/{id}/branch/{branch}               {startingPoint}; 409 if it exists
        POST /api/{type}/{id}/tag/{rev}    DELETE /api/{type}/{id}/tag/{tag}
        POST /api/{type}/{id}/discussions  GET /api/{type}/{id}/discussions[/{num}]   (pull requests)
        GET|HEAD /{id}/resolve/{rev}/{path}, /datasets/{id}/resolve/..., /spaces/{id}/resolve/...   (Range ok)

    Errors carry ``X-Error-Code`` (RepoNotFound, RevisionNotFound, EntryNotFound) the way the client maps them.
    Auth: ``tokens`` maps bearer token -> user name. Writes need a known token (401 otherwise); a token that is
    sent but unknown gets 401 "Invalid credentials in Authorization header" on any route, as on the Hub; private
    repos answer 401/404 RepoNotFound to anyone without a known token. ``tokens=None`` accepts any bearer token.
    """

    def __init__(self, tokens: Mapping[str, str] | None | object = _DEFAULT_TOKENS, *, gitattributes: bool = True,
                 host: str = "127.0.0.1", port: int = 0):
        self.accept_any_token = tokens is None
        self.tokens: Mapping[str, str] = dict(_DEFAULT_TOKENS if tokens is None else tokens)  # type: ignore[arg-type]
        self.gitattributes = gitattributes
        self.repos: dict[tuple[str, str], Repo] = {}
        self.requests: list[LoggedRequest] = []
        self.lock = threading.RLock()
        self._seq = itertools.count()
        self._server = ThreadingHTTPServer((host, port), _make_handler(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle
    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def token(self) -> str:
        """A token with write access (the first of ``tokens``)."""
        return next(iter(self.tokens), "hf_test")

    def start(self) -> HubStub:
        if self._thread is None:
            self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                            name="hub-stub", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> HubStub:  # noqa: PYI034
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def env(self, home: str | os.PathLike | None = None, *, token: str | None | bool = True) -> dict[str, str]:
        """Environment for a subprocess running the client (merge into ``os.environ``).

        ``home``: a tmp dir used as ``HF_HOME`` (hub cache, token file, xet cache, datasets cache all go under it).
        ``token``: True -> ``HF_TOKEN`` = this stub's write token; a string -> that token; None/False -> ``HF_TOKEN``
        set to "" (the client treats an empty value as no token; with ``HF_HOME`` in a tmp dir there is no token
        file either).
        """
        env = {
            "HF_ENDPOINT": self.url,
            "HF_HUB_DISABLE_XET": "1",
            "HF_HUB_DISABLE_TELEMETRY": "1",
            "HF_HUB_DISABLE_PROGRESS_BARS": "1",
            "HF_HUB_DISABLE_UPDATE_CHECK": "1",
            "HF_HUB_DISABLE_SYMLINKS_WARNING": "1",
            "HF_UPDATE_DOWNLOAD_COUNTS": "0",
            "HF_HUB_OFFLINE": "0",
            "HF_DATASETS_OFFLINE": "0",
            "HF_TOKEN": (self.token if token is True else (token or "")),
            "HUGGING_FACE_HUB_TOKEN": "",
            "HUGGINGFACE_CO_STAGING": "",
        }
        if home is not None:
            home = str(home)
            env.update({
                "HF_HOME": home,
                "HF_HUB_CACHE": os.path.join(home, "hub"),
                "HF_DATASETS_CACHE": os.path.join(home, "datasets"),
                "HF_XET_CACHE": os.path.join(home, "xet"),
                "HF_TOKEN_PATH": os.path.join(home, "token"),
            })
        return env

    # ------------------------------------------------------------------ test helpers
    def repo(self, repo_id: str, repo_type: str = "dataset") -> Repo:
        with self.lock:
            try:
                return self.repos[(repo_type, repo_id)]
            except KeyError:
                raise KeyError(f"no {repo_type} repo {repo_id!r} on the stub (have: {sorted(self.repos)})") from None

    def repo_exists(self, repo_id: str, repo_type: str = "dataset") -> bool:
        with self.lock:
            return (repo_type, repo_id) in self.repos

    def files(self, repo_id: str, repo_type: str = "dataset", revision: str = "main") -> dict[str, bytes]:
        """``{path: content}`` of the repo at ``revision`` (branch, tag, refs/pr/N or commit sha)."""
        with self.lock:
            repo = self.repo(repo_id, repo_type)
            sha = repo.resolve(revision)
            if sha is None:
                raise KeyError(f"no revision {revision!r} in {repo_type} repo {repo_id!r}")
            return dict(repo.commits[sha].tree)

    def commits(self, repo_id: str, repo_type: str = "dataset", revision: str = "main") -> list[Commit]:
        """History of ``revision``, newest first (the first one is the repo's initial commit)."""
        with self.lock:
            repo = self.repo(repo_id, repo_type)
            sha = repo.resolve(revision)
            if sha is None:
                raise KeyError(f"no revision {revision!r} in {repo_type} repo {repo_id!r}")
            return repo.history(sha)

    def branches(self, repo_id: str, repo_type: str = "dataset") -> dict[str, str]:
        with self.lock:
            return dict(self.repo(repo_id, repo_type).branches)

    def pull_requests(self, repo_id: str, repo_type: str = "dataset") -> dict[int, dict]:
        with self.lock:
            return {num: dict(pr) for num, pr in self.repo(repo_id, repo_type).prs.items()}

    def create_repo(self, repo_id: str, repo_type: str = "dataset", *, private: bool = False,
                    author: str = "test-user") -> Repo:
        """Make a repo directly (no HTTP), with its initial commit; returns the existing one if any."""
        with self.lock:
            key = (repo_type, repo_id)
            if key not in self.repos:
                repo = Repo(repo_type=repo_type, repo_id=repo_id, private=private, created_at=_now_iso())
                tree = {".gitattributes": DEFAULT_GITATTRIBUTES} if self.gitattributes else {}
                repo.branches["main"] = self._new_commit(repo, None, tree, "initial commit", "", author)
                self.repos[key] = repo
            return self.repos[key]

    def seed(self, repo_id: str, files: Mapping[str, bytes | str], repo_type: str = "dataset", *,
             revision: str = "main", message: str = "seed", private: bool = False) -> str:
        """Create the repo if needed and commit ``files`` onto branch ``revision`` (created from main if new)."""
        with self.lock:
            repo = self.create_repo(repo_id, repo_type, private=private)
            if revision not in repo.branches:
                repo.branches[revision] = repo.branches["main"]
            head = repo.branches[revision]
            tree = dict(repo.commits[head].tree)
            tree.update({p: (c.encode() if isinstance(c, str) else bytes(c)) for p, c in files.items()})
            repo.branches[revision] = self._new_commit(repo, head, tree, message, "", "test-user")
            return repo.branches[revision]

    # ------------------------------------------------------------------ internals
    def _new_commit(self, repo: Repo, parent: str | None, tree: dict[str, bytes], title: str, message: str,
                    author: str) -> str:
        digest = hashlib.sha1()
        digest.update(json.dumps([repo.repo_type, repo.repo_id, parent, title, message, next(self._seq),
                                  sorted((p, git_blob_sha(c)) for p, c in tree.items())]).encode())
        sha = digest.hexdigest()
        repo.commits[sha] = Commit(sha=sha, parents=[parent] if parent else [], tree=tree, title=title,
                                   message=message, author=author, date=_now_iso())
        return sha

    def repo_url(self, repo: Repo) -> str:
        return f"{self.url}/{URL_PREFIX[repo.repo_type]}{repo.repo_id}"

    def user_for(self, token: str | None) -> str | None:
        if not token:
            return None
        if self.accept_any_token:
            return self.tokens.get(token, "test-user")
        return self.tokens.get(token)


# ====================================================================== HTTP layer
def _make_handler(hub: HubStub):
    class Handler(_Handler):
        pass

    Handler.hub = hub
    return Handler


class _Handler(BaseHTTPRequestHandler):
    hub: HubStub
    protocol_version = "HTTP/1.1"
    server_version = "HubStub/1.0"

    def log_message(self, format, *args):  # keep pytest output quiet
        pass

    def do_GET(self):
        self._dispatch("GET")

    def do_HEAD(self):
        self._dispatch("HEAD")

    def do_POST(self):
        self._dispatch("POST")

    def do_PUT(self):
        self._dispatch("PUT")

    def do_DELETE(self):
        self._dispatch("DELETE")

    # ------------------------------------------------------------------ plumbing
    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _dispatch(self, method: str) -> None:
        split = urlsplit(self.path)
        body = self._read_body()
        auth = self.headers.get("Authorization", "")
        token = auth[7:].strip() if auth.lower().startswith("bearer ") else None
        self.method = method
        self.token = token
        self.body = body
        self.query = parse_qs(split.query, keep_blank_values=True)
        self.record = LoggedRequest(method=method, path=unquote(split.path), raw_path=self.path, query=self.query,
                                    headers={k: v for k, v in self.headers.items()}, token=token, body=body)
        with self.hub.lock:
            self.hub.requests.append(self.record)
        try:
            if token and self.hub.user_for(token) is None:
                raise _HttpError(401, "Invalid credentials in Authorization header",
                                 headers={"X-Error-Message": "Invalid credentials in Authorization header"})
            self._route(method, [unquote(s) for s in split.path.split("/")[1:]])
        except _HttpError as err:
            headers = dict(err.headers)
            if err.code:
                headers["X-Error-Code"] = err.code
                headers.setdefault("X-Error-Message", err.message)
            self._send_json(err.status, {"error": err.message, **err.extra}, headers)
        except Exception as exc:  # a stub bug: say so loudly instead of hanging the client
            self._send_json(500, {"error": f"hub stub crashed: {type(exc).__name__}: {exc}"})
            raise

    def _send(self, status: int, body: bytes, headers: Mapping[str, str] | None = None,
              content_type: str = "application/json") -> None:
        self.record.status = status
        self.send_response(status)
        headers = dict(headers or {})
        headers.setdefault("Content-Type", content_type)
        headers.setdefault("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        if self.method != "HEAD":
            self.wfile.write(body)

    def _send_json(self, status: int, payload: Any, headers: Mapping[str, str] | None = None) -> None:
        self._send(status, json.dumps(payload).encode(), headers)

    def _json_body(self) -> Any:
        if not self.body:
            return {}
        try:
            return json.loads(self.body)
        except ValueError:
            raise _HttpError(400, "request body is not JSON") from None

    def _user(self, required: bool) -> str | None:
        user = self.hub.user_for(self.token)
        if required and user is None:
            raise _HttpError(401, "You must be authenticated to do this (missing Authorization: Bearer token)")
        return user

    def _repo(self, repo_type: str, repo_id: str) -> Repo:
        repo = self.hub.repos.get((repo_type, repo_id))
        user = self.hub.user_for(self.token)
        if repo is None or (repo.private and user is None):
            # The Hub answers 401 to anonymous callers and 404 to authenticated ones, both as RepoNotFound.
            raise _HttpError(401 if user is None else 404, f"Repository {repo_id} not found", "RepoNotFound")
        return repo

    def _resolve(self, repo: Repo, revision: str) -> str:
        sha = repo.resolve(revision)
        if sha is None:
            raise _HttpError(404, f"Invalid rev id: {revision}", "RevisionNotFound")
        return sha

    # ------------------------------------------------------------------ routing
    def _route(self, method: str, segs: list[str]) -> None:
        hub = self.hub
        if segs and segs[-1] == "" and len(segs) > 1:
            segs = segs[:-1]
        if segs[:1] == ["api"]:
            rest = segs[1:]
            if rest == ["whoami-v2"] and method in ("GET", "HEAD"):
                return self._whoami()
            if rest == ["repos", "create"] and method == "POST":
                with hub.lock:
                    return self._create_repo()
            if rest == ["repos", "delete"] and method in ("POST", "DELETE"):
                with hub.lock:
                    return self._delete_repo()
            if rest == ["validate-yaml"] and method == "POST":
                return self._validate_yaml()
            if len(rest) >= 3 and rest[0] in REPO_TYPES:
                repo_type, repo_id, tail = REPO_TYPES[rest[0]], f"{rest[1]}/{rest[2]}", rest[3:]
                with hub.lock:
                    return self._repo_api(method, repo_type, repo_id, tail)
            raise _HttpError(404, f"hub stub: no route for {method} {self.path}")
        # /[datasets|spaces|models/]ns/name/resolve/rev/path
        repo_type = "model"
        if segs and segs[0] in REPO_TYPES:
            repo_type, segs = REPO_TYPES[segs[0]], segs[1:]
        if len(segs) >= 5 and segs[2] in ("resolve", "raw") and method in ("GET", "HEAD"):
            revision, path = _split_revision(segs[3:])
            with hub.lock:
                return self._resolve_file(repo_type, f"{segs[0]}/{segs[1]}", revision, path)
        raise _HttpError(404, f"hub stub: no route for {method} {self.path}")

    def _repo_api(self, method: str, repo_type: str, repo_id: str, tail: list[str]) -> None:
        op = tail[0] if tail else ""
        if op == "" and method in ("GET", "HEAD"):
            return self._repo_info(repo_type, repo_id, "main")
        if op == "revision" and method in ("GET", "HEAD"):
            return self._repo_info(repo_type, repo_id, "/".join(tail[1:]))
        if op == "tree" and method in ("GET", "HEAD"):
            revision, path = _split_revision(tail[1:])
            return self._tree(repo_type, repo_id, revision, path)
        if op == "paths-info" and method == "POST":
            return self._paths_info(repo_type, repo_id, "/".join(tail[1:]) or "main")
        if op == "refs" and method == "GET":
            return self._refs(repo_type, repo_id)
        if op == "commits" and method == "GET":
            return self._list_commits(repo_type, repo_id, "/".join(tail[1:]) or "main")
        if op == "auth-check" and method == "GET":
            self._repo(repo_type, repo_id)
            return self._send_json(200, {})
        if op == "settings" and method == "PUT":
            return self._settings(repo_type, repo_id)
        if op == "preupload" and method == "POST":
            return self._preupload(repo_type, repo_id, "/".join(tail[1:]) or "main")
        if op == "commit" and method == "POST":
            return self._commit(repo_type, repo_id, "/".join(tail[1:]) or "main")
        if op == "branch" and method in ("POST", "DELETE"):
            return self._branch(method, repo_type, repo_id, "/".join(tail[1:]))
        if op == "tag" and method in ("POST", "DELETE"):
            return self._tag(method, repo_type, repo_id, "/".join(tail[1:]))
        if op == "discussions":
            if method == "POST" and len(tail) == 1:
                return self._create_discussion(repo_type, repo_id)
            if method == "GET" and len(tail) == 1:
                return self._list_discussions(repo_type, repo_id)
            if method == "GET" and len(tail) == 2 and tail[1].isdigit():
                return self._discussion_details(repo_type, repo_id, int(tail[1]))
        raise _HttpError(404, f"hub stub: no route for {method} {self.path}")

    # ------------------------------------------------------------------ account / repos
    def _whoami(self) -> None:
        user = self._user(required=True)
        self._send_json(200, {
            "type": "user", "id": hashlib.sha1(user.encode()).hexdigest()[:24], "name": user,
            "fullname": user, "email": f"{user}@example.com", "emailVerified": True, "isPro": False,
            "canPay": False, "orgs": [], "avatarUrl": "",
            "auth": {"type": "access_token", "accessToken": {"displayName": "hub-stub", "role": "write",
                                                           "createdAt": "2024-01-01T00:00:00.000Z"}},
        })

    def _create_repo(self) -> None:
        user = self._user(required=True)
        payload = self._json_body()
        name, org = payload.get("name"), payload.get("organization") or user
        repo_type = payload.get("type") or "model"
        if not name or repo_type not in URL_PREFIX:
            raise _HttpError(400, f"invalid repo name/type: {name!r}/{repo_type!r}")
        repo_id = f"{org}/{name}"
        private = payload.get("visibility") == "private" if "visibility" in payload else bool(payload.get("private"))
        existing = self.hub.repos.get((repo_type, repo_id))
        if existing is not None:
            # like the Hub, the 409 body carries the url: create_repo(exist_ok=True) reads it
            raise _HttpError(409, f"You already created this {repo_type} repo",
                             headers={"X-Error-Message": f"You already created this {repo_type} repo"},
                             extra={"url": self.hub.repo_url(existing)})
        repo = self.hub.create_repo(repo_id, repo_type, private=private, author=user)
        self._send_json(200, {"url": self.hub.repo_url(repo), "name": repo_id,
                              "id": hashlib.sha1(repo_id.encode()).hexdigest()[:24]})

    def _delete_repo(self) -> None:
        self._user(required=True)
        payload = self._json_body()
        repo_type = payload.get("type") or "model"
        repo_id = f"{payload.get('organization') or self._user(True)}/{payload.get('name')}"
        if self.hub.repos.pop((repo_type, repo_id), None) is None:
            raise _HttpError(404, f"Repository {repo_id} not found", "RepoNotFound")
        self._send_json(200, {})

    def _validate_yaml(self) -> None:
        content = (self._json_body().get("content") or "").encode()
        text = content.decode("utf-8", errors="replace")
        if text.lstrip("\ufeff").startswith("---") and _front_matter(content) is None:
            match = re.match(r"^---\s*\n(.*?)\n---", text.lstrip("\ufeff"), flags=re.DOTALL)
            if match and match.group(1).strip():
                return self._send_json(400, {"errors": [{"message": "Invalid YAML metadata in README.md"}],
                                             "warnings": []})
        self._send_json(200, {"errors": [], "warnings": []})

    def _settings(self, repo_type: str, repo_id: str) -> None:
        self._user(required=True)
        repo = self._repo(repo_type, repo_id)
        payload = self._json_body()
        if "private" in payload:
            repo.private = bool(payload["private"])
        if "visibility" in payload:
            repo.private = payload["visibility"] == "private"
        self._send_json(200, {})

    def _repo_info(self, repo_type: str, repo_id: str, revision: str) -> None:
        repo = self._repo(repo_type, repo_id)
        sha = self._resolve(repo, revision)
        commit = repo.commits[sha]
        blobs = "blobs" in self.query and self.query["blobs"][0].lower() in ("1", "true")
        siblings = []
        for path in sorted(commit.tree):
            sibling: dict[str, Any] = {"rfilename": path}
            if blobs:
                sibling.update(size=len(commit.tree[path]), blobId=git_blob_sha(commit.tree[path]))
            siblings.append(sibling)
        card = _front_matter(commit.tree.get("README.md"))
        info: dict[str, Any] = {
            "_id": hashlib.sha1(f"{repo_type}/{repo_id}".encode()).hexdigest()[:24],
            "id": repo_id, "author": repo_id.split("/")[0], "sha": sha, "private": repo.private,
            "gated": False, "disabled": False, "downloads": 0, "likes": 0, "tags": [],
            "createdAt": repo.created_at, "lastModified": commit.date, "siblings": siblings,
            "usedStorage": sum(len(c) for c in commit.tree.values()),
        }
        if card is not None:
            info["cardData"] = card
        if repo_type == "model":
            info["modelId"] = repo_id
        self._send_json(200, info)

    # ------------------------------------------------------------------ listing
    def _entries(self, repo: Repo, sha: str) -> tuple[dict[str, bytes], set[str]]:
        tree = repo.commits[sha].tree
        folders = {str(Path(p).parent.as_posix()) for p in tree}
        all_folders = set()
        for folder in folders:
            parts = folder.split("/")
            for i in range(1, len(parts) + 1):
                if parts[:i] != ["."]:
                    all_folders.add("/".join(parts[:i]))
        return tree, all_folders

    def _last_commit(self, repo: Repo, sha: str, path: str, is_dir: bool) -> dict:
        def state(commit: Commit):
            if is_dir:
                return sorted((p, git_blob_sha(c)) for p, c in commit.tree.items() if p.startswith(path + "/"))
            return git_blob_sha(commit.tree[path]) if path in commit.tree else None

        history = repo.history(sha)
        target, found = state(history[0]), history[0]
        for commit in history[1:]:
            if state(commit) != target:
                break
            found = commit
        return {"id": found.sha, "title": found.title, "date": found.date}

    def _file_entry(self, repo: Repo, sha: str, path: str, content: bytes, expand: bool) -> dict:
        entry = {"type": "file", "oid": git_blob_sha(content), "size": len(content), "path": path}
        if expand:
            entry["lastCommit"] = self._last_commit(repo, sha, path, False)
        return entry

    def _dir_entry(self, repo: Repo, sha: str, path: str, tree: dict[str, bytes], expand: bool) -> dict:
        oid = hashlib.sha1(json.dumps(sorted((p, git_blob_sha(c)) for p, c in tree.items()
                                             if p.startswith(path + "/"))).encode()).hexdigest()
        entry = {"type": "directory", "oid": oid, "size": 0, "path": path}
        if expand:
            entry["lastCommit"] = self._last_commit(repo, sha, path, True)
        return entry

    def _tree(self, repo_type: str, repo_id: str, revision: str, path: str) -> None:
        repo = self._repo(repo_type, repo_id)
        sha = self._resolve(repo, revision)
        tree, folders = self._entries(repo, sha)
        recursive = self.query.get("recursive", ["false"])[0].lower() in ("1", "true")
        expand = self.query.get("expand", ["false"])[0].lower() in ("1", "true")
        path = path.strip("/")
        if path and path not in folders:
            if path in tree:
                raise _HttpError(400, f"{path} is a file, not a directory")
            raise _HttpError(404, f"{path} does not exist on \"{revision}\"", "EntryNotFound")
        prefix = f"{path}/" if path else ""

        def wanted(p: str) -> bool:
            return p.startswith(prefix) and (recursive or "/" not in p[len(prefix):])

        out = [self._dir_entry(repo, sha, f, tree, expand) for f in sorted(folders) if wanted(f)]
        out += [self._file_entry(repo, sha, p, c, expand) for p, c in sorted(tree.items()) if wanted(p)]
        self._send_json(200, out)

    def _paths_info(self, repo_type: str, repo_id: str, revision: str) -> None:
        repo = self._repo(repo_type, repo_id)
        sha = self._resolve(repo, revision)
        content_type = self.headers.get("Content-Type", "")
        if "json" in content_type:
            payload = self._json_body()
            paths, expand = payload.get("paths", []), bool(payload.get("expand"))
        else:
            form = parse_qs(self.body.decode(), keep_blank_values=True)
            paths = form.get("paths", [])
            expand = form.get("expand", ["false"])[0].lower() in ("1", "true")
        if isinstance(paths, str):
            paths = [paths]
        tree, folders = self._entries(repo, sha)
        out = []
        for path in paths:
            path = path.strip("/")
            if path in tree:
                out.append(self._file_entry(repo, sha, path, tree[path], expand))
            elif path in folders:
                out.append(self._dir_entry(repo, sha, path, tree, expand))
        self._send_json(200, out)

    def _refs(self, repo_type: str, repo_id: str) -> None:
        repo = self._repo(repo_type, repo_id)
        include_prs = self.query.get("include_prs", ["0"])[0] in ("1", "true", "True")
        data = {
            "branches": [{"name": b, "ref": f"refs/heads/{b}", "targetCommit": s} for b, s in repo.branches.items()],
            "tags": [{"name": t, "ref": f"refs/tags/{t}", "targetCommit": s} for t, s in repo.tags.items()],
            "converts": [],
        }
        if include_prs:
            data["pullRequests"] = [{"name": f"refs/pr/{n}", "ref": f"refs/pr/{n}", "targetCommit": pr["sha"]}
                                    for n, pr in repo.prs.items() if pr.get("sha")]
        self._send_json(200, data)

    def _list_commits(self, repo_type: str, repo_id: str, revision: str) -> None:
        repo = self._repo(repo_type, repo_id)
        sha = self._resolve(repo, revision)
        self._send_json(200, [
            {"id": c.sha, "title": c.title, "message": c.message, "date": c.date,
             "authors": [{"user": c.author, "avatar": ""}]}
            for c in repo.history(sha)
        ])

    # ------------------------------------------------------------------ writes
    def _preupload(self, repo_type: str, repo_id: str, revision: str) -> None:
        self._user(required=True)
        repo = self._repo(repo_type, repo_id)
        create_pr = self.query.get("create_pr", ["0"])[0] in ("1", "true")
        sha = repo.resolve(revision)
        if sha is None and not create_pr:
            raise _HttpError(404, f"Invalid rev id: {revision}", "RevisionNotFound")
        tree = repo.commits[sha].tree if sha else {}
        files = []
        for item in self._json_body().get("files", []):
            path = item["path"]
            files.append({"path": path, "uploadMode": "regular", "shouldIgnore": False,
                          "oid": git_blob_sha(tree[path]) if path in tree else None})
        self._send_json(200, {"files": files, "commitOid": sha})

    def _commit(self, repo_type: str, repo_id: str, revision: str) -> None:
        user = self._user(required=True)
        repo = self._repo(repo_type, repo_id)
        create_pr = self.query.get("create_pr", ["0"])[0] in ("1", "true")
        lines = [json.loads(line) for line in self.body.splitlines() if line.strip()]
        if not lines or lines[0].get("key") != "header":
            raise _HttpError(400, "commit payload must start with a header line")
        header = lines[0]["value"]
        base_sha = self._resolve(repo, revision)
        is_branch = revision in repo.branches or revision.startswith("refs/heads/")
        pr_match = re.fullmatch(r"refs/pr/(\d+)", revision)
        if not (is_branch or pr_match):
            raise _HttpError(400, f"Invalid rev id: {revision} is not a branch, cannot commit to it")
        parent_commit = header.get("parentCommit")
        if parent_commit and not base_sha.startswith(parent_commit):
            raise _HttpError(412, "A commit has happened since. Please refresh and try again.")
        tree = dict(repo.commits[base_sha].tree)
        for line in lines[1:]:
            key, value = line.get("key"), line.get("value") or {}
            path = (value.get("path") or "").strip("/")
            if key == "file":
                if value.get("encoding", "base64") != "base64":
                    raise _HttpError(400, f"unsupported encoding {value.get('encoding')!r}")
                tree[path] = base64.b64decode(value.get("content", ""))
            elif key == "deletedFile":
                if path not in tree:
                    raise _HttpError(404, f"A file with this name doesn't exist: {path}", "EntryNotFound")
                del tree[path]
            elif key == "deletedFolder":
                doomed = [p for p in tree if p.startswith(path + "/")]
                if not doomed:
                    raise _HttpError(404, f"A folder with this name doesn't exist: {path}", "EntryNotFound")
                for p in doomed:
                    del tree[p]
            elif key == "lfsFile":
                raise _HttpError(400, "hub stub: LFS files are not supported (preupload answers 'regular')")
            else:
                raise _HttpError(400, f"unknown commit operation {key!r}")
        title, message = header.get("summary") or "", header.get("description") or ""
        sha = self.hub._new_commit(repo, base_sha, tree, title, message, user)
        response: dict[str, Any] = {"success": True, "commitOid": sha,
                                    "commitUrl": f"{self.hub.repo_url(repo)}/commit/{sha}"}
        if create_pr:
            repo.discussion_counter += 1
            num = repo.discussion_counter
            base = revision.removeprefix("refs/heads/")
            repo.prs[num] = {"num": num, "ref": f"refs/pr/{num}", "title": title, "description": message,
                             "status": "open", "base": base, "sha": sha, "author": user, "isPullRequest": True,
                             "createdAt": _now_iso()}
            response["pullRequestUrl"] = f"{self.hub.repo_url(repo)}/discussions/{num}"
        elif pr_match:
            pr = repo.prs.get(int(pr_match.group(1)))
            pr["sha"] = sha
            if pr.get("status") == "draft":
                pr["status"] = "open"
        else:
            branch = revision.removeprefix("refs/heads/")
            repo.branches[branch] = sha
        self._send_json(200, response)

    def _branch(self, method: str, repo_type: str, repo_id: str, branch: str) -> None:
        self._user(required=True)
        repo = self._repo(repo_type, repo_id)
        if not branch:
            raise _HttpError(400, "missing branch name")
        if method == "DELETE":
            if branch not in repo.branches:
                raise _HttpError(404, f"Invalid rev id: {branch}", "RevisionNotFound")
            if branch == "main":
                raise _HttpError(403, "cannot delete the main branch")
            del repo.branches[branch]
            return self._send_json(200, {})
        if branch in repo.branches:
            raise _HttpError(409, f"Reference refs/heads/{branch} already exists")
        starting_point = self._json_body().get("startingPoint") or "main"
        repo.branches[branch] = self._resolve(repo, starting_point)
        self._send_json(200, {})

    def _tag(self, method: str, repo_type: str, repo_id: str, name: str) -> None:
        self._user(required=True)
        repo = self._repo(repo_type, repo_id)
        if method == "DELETE":
            if repo.tags.pop(name, None) is None:
                raise _HttpError(404, f"Invalid rev id: {name}", "RevisionNotFound")
            return self._send_json(200, {})
        tag = self._json_body().get("tag")
        if not tag:
            raise _HttpError(400, "missing tag")
        if tag in repo.tags:
            raise _HttpError(409, f"Reference refs/tags/{tag} already exists")
        repo.tags[tag] = self._resolve(repo, name or "main")
        self._send_json(200, {})

    # ------------------------------------------------------------------ discussions / pull requests
    def _create_discussion(self, repo_type: str, repo_id: str) -> None:
        user = self._user(required=True)
        repo = self._repo(repo_type, repo_id)
        payload = self._json_body()
        repo.discussion_counter += 1
        num = repo.discussion_counter
        is_pr = bool(payload.get("pullRequest"))
        repo.prs[num] = {"num": num, "ref": f"refs/pr/{num}" if is_pr else None, "title": payload.get("title", ""),
                         "description": payload.get("description", ""), "status": "draft" if is_pr else "open",
                         "base": "main", "sha": repo.branches["main"] if is_pr else None, "author": user,
                         "isPullRequest": is_pr, "createdAt": _now_iso()}
        self._send_json(200, {"num": num, "url": f"{self.hub.repo_url(repo)}/discussions/{num}",
                              "pullRequest": is_pr})

    def _discussion_json(self, repo: Repo, pr: dict) -> dict:
        return {"num": pr["num"], "title": pr["title"], "status": pr["status"], "isPullRequest": pr["isPullRequest"],
                "createdAt": pr["createdAt"], "author": {"name": pr["author"]}, "pinned": False,
                "numComments": 1, "topReactions": [], "repo": {"name": repo.repo_id, "type": repo.repo_type}}

    def _list_discussions(self, repo_type: str, repo_id: str) -> None:
        repo = self._repo(repo_type, repo_id)
        items = [self._discussion_json(repo, pr) for pr in sorted(repo.prs.values(), key=lambda p: -p["num"])]
        self._send_json(200, {"discussions": items, "count": len(items), "start": 0, "numClosedDiscussions": 0})

    def _discussion_details(self, repo_type: str, repo_id: str, num: int) -> None:
        repo = self._repo(repo_type, repo_id)
        pr = repo.prs.get(num)
        if pr is None:
            raise _HttpError(404, f"Discussion {num} not found")
        data = self._discussion_json(repo, pr)
        data.update({
            "events": [{"id": f"{num:024x}", "type": "comment", "createdAt": pr["createdAt"],
                        "author": {"name": pr["author"]},
                        "data": {"edited": False, "hidden": False, "latest": {"raw": pr["description"]}}}],
            "changes": {"base": f"refs/heads/{pr['base']}"}, "filesWithConflicts": [], "diff": "",
        })
        self._send_json(200, data)

    # ------------------------------------------------------------------ downloads
    def _resolve_file(self, repo_type: str, repo_id: str, revision: str, path: str) -> None:
        repo = self._repo(repo_type, repo_id)
        sha = self._resolve(repo, revision)
        tree = repo.commits[sha].tree
        if path not in tree:
            raise _HttpError(404, f"Entry not found: {path}", "EntryNotFound", headers={"X-Repo-Commit": sha})
        content = tree[path]
        headers = {"X-Repo-Commit": sha, "ETag": f'"{git_blob_sha(content)}"', "Accept-Ranges": "bytes",
                   "Content-Disposition": f'inline; filename="{quote(path.rsplit("/", 1)[-1])}"'}
        status, body = 200, content
        range_header = self.headers.get("Range")
        if range_header:
            match = re.fullmatch(r"\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*", range_header)
            if not match or (not match.group(1) and not match.group(2)):
                raise _HttpError(416, f"invalid range {range_header!r}",
                                 headers={"Content-Range": f"bytes */{len(content)}"})
            start_s, end_s = match.groups()
            if start_s:
                start, end = int(start_s), int(end_s) if end_s else len(content) - 1
            else:
                start, end = max(len(content) - int(end_s), 0), len(content) - 1
            end = min(end, len(content) - 1)
            if start >= len(content) or start > end:
                raise _HttpError(416, "Requested Range Not Satisfiable",
                                 headers={"Content-Range": f"bytes */{len(content)}"})
            status, body = 206, content[start:end + 1]
            headers["Content-Range"] = f"bytes {start}-{end}/{len(content)}"
        self._send(status, body, headers, content_type="application/octet-stream")


def _split_revision(parts: list[str]) -> tuple[str, str]:
    """Split ``[rev..., path...]`` where the client sends the revision quoted (one segment) but tolerate
    ``refs/pr/N``-style revisions sent unquoted (three segments)."""
    if len(parts) >= 3 and parts[0] == "refs" and parts[1] in ("pr", "heads", "tags", "convert"):
        return "/".join(parts[:3]), "/".join(parts[3:])
    return (parts[0] if parts else "main"), "/".join(parts[1:])


# ====================================================================== in-process client patching
def point_client_at(hub: HubStub, monkeypatch, home: str | os.PathLike, *, token: str | None | bool = True) -> None:
    """Point the already-imported ``huggingface_hub`` (and ``datasets``, if importable) of this process at ``hub``.

    Both libraries read ``HF_ENDPOINT`` once, at import time, into module constants; ``HfApi()`` objects created
    afterwards read ``constants.ENDPOINT``; ``hf_hub_download`` without ``endpoint=`` (e.g. ``RepoCard.load``)
    builds its URL from ``constants.HUGGINGFACE_CO_URL_TEMPLATE``; the module-level helpers
    (``huggingface_hub.upload_folder`` ...) are bound to ``huggingface_hub.hf_api.api``, created at import. All
    of these are patched here, plus caches (``home`` = a tmp dir) and token (see ``HubStub.env``).
    """
    from huggingface_hub import constants, hf_api

    home = str(home)
    for key, value in hub.env(home, token=token).items():
        monkeypatch.setenv(key, value)
    if token is None or token is False:
        monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.delenv("HUGGING_FACE_HUB_TOKEN", raising=False)
    monkeypatch.setattr(constants, "ENDPOINT", hub.url)
    monkeypatch.setattr(constants, "HUGGINGFACE_CO_URL_TEMPLATE", hub.url + "/{repo_id}/resolve/{revision}/{filename}")
    monkeypatch.setattr(constants, "HF_HUB_CACHE", os.path.join(home, "hub"))
    monkeypatch.setattr(constants, "HUGGINGFACE_HUB_CACHE", os.path.join(home, "hub"))
    monkeypatch.setattr(constants, "HF_XET_CACHE", os.path.join(home, "xet"))
    monkeypatch.setattr(constants, "HF_TOKEN_PATH", os.path.join(home, "token"))
    monkeypatch.setattr(constants, "HF_STORED_TOKENS_PATH", os.path.join(home, "stored_tokens"))
    monkeypatch.setattr(constants, "HF_HUB_DISABLE_XET", True)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(constants, "HF_HUB_DISABLE_TELEMETRY", True)
    monkeypatch.setattr(hf_api.api, "endpoint", hub.url)
    try:
        from datasets import config as ds_config
    except ImportError:
        return
    monkeypatch.setattr(ds_config, "HF_ENDPOINT", hub.url)
    monkeypatch.setattr(ds_config, "HUB_DATASETS_URL", hub.url + "/datasets/{repo_id}/resolve/{revision}/{path}")
    monkeypatch.setattr(ds_config, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(ds_config, "HF_DATASETS_OFFLINE", False)
    monkeypatch.setattr(ds_config, "HF_UPDATE_DOWNLOAD_COUNTS", False)  # else a HEAD to s3.amazonaws.com
    monkeypatch.setattr(ds_config, "USE_PARQUET_EXPORT", False)  # else calls to datasets-server.<host>
    monkeypatch.setattr(ds_config, "HF_DATASETS_CACHE", Path(home) / "datasets")
    monkeypatch.setattr(ds_config, "DOWNLOADED_DATASETS_PATH", Path(home) / "datasets" / "downloads")
    monkeypatch.setattr(ds_config, "EXTRACTED_DATASETS_PATH", Path(home) / "datasets" / "downloads" / "extracted")
    monkeypatch.setattr(ds_config, "HF_MODULES_CACHE", Path(home) / "modules")
