"""The write endpoints (POST/PUT/DELETE /articles, /jobs, /update), their API keys, snapshot reads
during writes, crash points inside a store write, and backup/restore."""

from __future__ import annotations

import dataclasses
import gc
import threading
import time

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from graph.store import open_store
from graph.vocab import ENTITIES_GRAPH
from tests.api.test_cli import run
from tests.conftest import DATA, SAMPLES
from tests.live import HSI_MOVE

KEY = "test-key-0123456789abcdef"
OTHER_KEY = "second-key-fedcba9876543210"
AUTH = {"Authorization": f"Bearer {KEY}"}

TENCENT = {"url": "https://news.example/a1", "title": "Tencent lifts Hong Kong stocks",
           "published": "2025-03-03T10:00:00",
           "text": "The Hang Seng Index rose 1.5 percent to 23,000 points on Monday. "
                   "Tencent Holdings jumped 4 percent after strong game revenue."}
ALIBABA = {"url": "https://news.example/a2", "title": "Alibaba drags Hong Kong stocks",
           "published": "2025-03-04T10:00:00",
           "text": "The Hang Seng Index fell 0.8 percent to 22,800 points on Tuesday. Alibaba Group slid 3 percent."}
ENTITY = "https://w3id.org/marketgraph/id/entity/"


def _app(settings, tmp_path, **overrides):
    store = open_store(tmp_path / "kg")
    store.ensure_ontology(settings.ontology)
    if "api_key" in overrides:
        overrides["api_key"] = SecretStr(overrides["api_key"])
    config = settings.model_copy(update={"store": tmp_path / "kg", **overrides})
    return create_app(config, store=store), store


@pytest.fixture()
def writable(settings, tmp_path):
    app, store = _app(settings, tmp_path, api_key=KEY, enable_update=True)
    with TestClient(app) as client:
        yield client
    store.close()


def _ask(client, query: str) -> bool:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, (response.status_code, response.headers, response.text[:300])
    answer = response.json()
    return answer["boolean"]


def _described(client, entity: str) -> bool:
    return _ask(client, f"ASK {{ GRAPH <{ENTITIES_GRAPH}> {{ <{ENTITY}{entity}> rdfs:label ?l }} }}")


# -- keys ----------------------------------------------------------------------------------


def test_without_a_configured_key_every_write_is_refused(client):
    """The session's read-only app has no key: writes answer 403 and say why, reads go on."""
    for method, path in (("post", "/articles"), ("put", "/articles/0123abcd"), ("delete", "/articles/0123abcd"),
                         ("get", "/jobs/x"), ("post", "/update")):
        response = client.request(method.upper(), path, json=TENCENT, headers=AUTH)
        assert response.status_code == 403, (method, path)
        assert "no API key" in response.json()["detail"]
    update = client.post("/sparql", data={"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert update.status_code == 400 and "read-only" in update.text
    assert client.get("/articles").status_code == 200


def test_a_missing_or_wrong_key_is_a_401_with_a_bearer_challenge(writable):
    missing = writable.post("/articles", json=TENCENT)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"].startswith("Bearer")
    for header in (f"Bearer {KEY[:-1]}", f"Bearer {KEY}x", f"Basic {KEY}", KEY, "Bearer "):
        response = writable.post("/articles", json=TENCENT, headers={"Authorization": header})
        assert response.status_code == 401, header
        assert KEY not in response.text
    assert writable.get("/articles").json()["articles"] == []  # nothing was written


def test_keys_from_a_file_one_a_line(settings, tmp_path):
    key_file = tmp_path / "keys"
    key_file.write_text(f"# writers\n{KEY}\n\n{OTHER_KEY}  # the importer\n")
    app, store = _app(settings, tmp_path, api_key_file=key_file)
    with TestClient(app) as client:
        for key in (KEY, OTHER_KEY):
            response = client.delete("/articles/0123abcd", headers={"Authorization": f"Bearer {key}"})
            assert response.status_code == 404  # authorised; there is no such article
        assert client.delete("/articles/0123abcd",
                             headers={"Authorization": "Bearer # writers"}).status_code == 401
    store.close()


def test_unusable_key_settings_stop_the_server_with_one_line(cli_env, tmp_path):
    env = dict(cli_env, MARKETGRAPH_API_KEY_FILE=str(tmp_path / "missing"))
    result = run("serve", "--port", "1", env=env)
    assert result.returncode == 2
    assert "cannot read the API key file" in result.stderr and "Traceback" not in result.stderr
    short = run("serve", "--port", "1", env=dict(cli_env, MARKETGRAPH_API_KEY="short"))
    assert short.returncode == 2 and "shorter than 16 characters" in short.stderr


# -- POST ----------------------------------------------------------------------------------


def test_post_one_article_then_read_it_everywhere(writable):
    response = writable.post("/articles", json=TENCENT, headers=AUTH)
    assert response.status_code == 200, response.text
    (written,) = response.json()["articles"]
    assert written["status"] == "new" and written["iri"].endswith("/" + written["id"])
    assert written["entities"] == 2 and written["facts"] == 2 and written["triples"] > 40

    detail = writable.get(f"/articles/{written['id']}").json()
    assert detail["title"] == TENCENT["title"] and detail["source"] == TENCENT["url"]
    assert {e["iri"] for e in detail["entities"]} == {ENTITY + "hang-seng-index", ENTITY + "tencent-holdings"}
    assert [h["article"] for h in writable.get("/search", params={"q": "game revenue"}).json()["results"]] \
        == [written["iri"]]
    hood = writable.get("/entities/neighborhood", params={"iri": ENTITY + "tencent-holdings", "comentions": "true"}).json()
    assert "Hang Seng Index" in {n["label"] for n in hood["nodes"]}  # the projection follows at once

    again = writable.post("/articles", json=TENCENT, headers=AUTH).json()
    assert again["unchanged"] == 1 and again["articles"][0]["facts"] == 2  # counted from the store


def test_post_a_batch_files_and_a_text_body(writable):
    batch = writable.post("/articles", json=[TENCENT, ALIBABA], headers=AUTH).json()
    assert (batch["new"], batch["unchanged"]) == (2, 0)
    assert [a["title"] for a in batch["articles"]] == [TENCENT["title"], ALIBABA["title"]]

    text_page = SAMPLES / "01_hk_stocks_slip_on_tariff_retaliation.txt"
    html_page = SAMPLES / "06_china_chip_stocks_nvidia_antitrust_probe.html"
    files = [("file", (p.name, p.read_bytes())) for p in (text_page, html_page)]
    uploaded = writable.post("/articles", files=files, headers=AUTH)
    assert uploaded.status_code == 200, uploaded.text
    assert uploaded.json()["new"] == 2
    assert all(a["facts"] > 0 for a in uploaded.json()["articles"])

    body = (DATA / "dev" / "07_japan_boj_hike.txt").read_bytes()
    as_text = writable.post("/articles", content=body, headers={**AUTH, "content-type": "text/plain"})
    assert as_text.status_code == 200 and as_text.json()["new"] == 1
    assert len(writable.get("/articles").json()["articles"]) == 5


@pytest.mark.parametrize(("kwargs", "status", "message"), [
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "not JSON"),
    ({"json": {"title": "no text"}}, 422, "text"),
    ({"json": {"text": "Stocks rose.", "colour": "red"}}, 422, "colour"),
    ({"json": [TENCENT, {**ALIBABA, "published": "last Tuesday-ish"}]}, 400, "not a date"),
    ({"json": {**TENCENT, "url": "not a url"}}, 400, "not an absolute URL"),
    ({"json": []}, 400, "no article"),
    ({"content": b"x", "headers": {"content-type": "image/png"}}, 415, "unsupported content type"),
    ({"files": [("note", (None, b"just a field"))]}, 400, "no file"),
    ({"files": [("file", ("bad.jsonl", b'{"text": 5}\n'))]}, 400, "no 'text'"),
])
def test_bad_bodies_are_named_and_nothing_is_written(writable, kwargs, status, message):
    headers = {**AUTH, **kwargs.pop("headers", {})}
    response = writable.post("/articles", headers=headers, **kwargs)
    assert response.status_code == status, response.text
    assert message in response.text
    assert writable.get("/articles").json()["articles"] == []


def test_a_long_batch_runs_as_a_job(settings, tmp_path):
    app, store = _app(settings, tmp_path, api_key=KEY, sync_batch_limit=1, batch_size=1)
    records = [TENCENT, ALIBABA, {**TENCENT, "url": "https://news.example/a3", "title": "Tencent again"}]
    with TestClient(app) as client:
        accepted = client.post("/articles", json=records, headers=AUTH)
        assert accepted.status_code == 202
        job_path = accepted.headers["location"]
        assert job_path == accepted.json()["href"] and accepted.json()["total"] == 3
        assert client.get(job_path).status_code == 401  # progress needs the key too
        deadline = time.monotonic() + 120
        while (job := client.get(job_path, headers=AUTH).json())["status"] in ("queued", "running"):
            assert 0 <= job["processed"] <= job["extracted"] <= 3
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert job["status"] == "done" and job["error"] is None
        assert (job["processed"], job["new"]) == (3, 3)
        assert [r["title"] for r in job["results"]] == [r["title"] for r in records]
        assert len(client.get("/articles").json()["articles"]) == 3
        assert client.get("/jobs/nope", headers=AUTH).status_code == 404
        small = client.post("/articles", json=TENCENT, headers=AUTH, params={"background": "true"})
        assert small.status_code == 202
    store.close()


# -- PUT and DELETE ------------------------------------------------------------------------


def test_put_replaces_an_article_under_its_id(writable):
    (first,) = writable.post("/articles", json=TENCENT, headers=AUTH).json()["articles"]
    edited = {**TENCENT, "url": "https://news.example/a1-corrected",
              "text": TENCENT["text"].replace("jumped 4 percent", "jumped 6 percent")}
    response = writable.put(f"/articles/{first['id']}", json=edited, headers=AUTH)
    assert response.status_code == 200, response.text
    (replaced,) = response.json()["articles"]
    assert (replaced["id"], replaced["status"]) == (first["id"], "replaced")
    detail = writable.get(f"/articles/{first['id']}").json()
    moves = [f for f in detail["facts"] if f["kind"] == "StockMovement"]
    assert [m["values"]["percentChange"] for m in moves] == [6.0]
    assert detail["source"] == edited["url"]
    assert len(writable.get("/articles").json()["articles"]) == 1

    same = writable.put(f"/articles/{first['id']}", json=edited, headers=AUTH).json()
    assert same["unchanged"] == 1
    assert writable.put("/articles/00000000000000000000", json=edited, headers=AUTH).status_code == 404
    two = writable.put(f"/articles/{first['id']}", json=[edited, ALIBABA], headers=AUTH)
    assert two.status_code == 400 and "one article" in two.json()["detail"]
    assert writable.put("/articles/not-hex!", json=edited, headers=AUTH).status_code == 400


def test_delete_removes_the_article_and_entities_only_it_mentioned(writable):
    tencent, alibaba = writable.post("/articles", json=[TENCENT, ALIBABA], headers=AUTH).json()["articles"]
    quads = writable.get("/health").json()["quads"]
    response = writable.delete(f"/articles/{tencent['id']}", headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json()["removed_quads"] == quads - writable.get("/health").json()["quads"] > 0

    assert writable.get(f"/articles/{tencent['id']}").status_code == 404
    assert not _ask(writable, f"ASK {{ GRAPH <{tencent['iri']}> {{ ?s ?p ?o }} }}")
    assert not _ask(writable, f"ASK {{ ?f <http://www.w3.org/ns/prov#wasDerivedFrom> <{tencent['iri']}> }}")
    assert not _described(writable, "tencent-holdings")  # only the deleted article mentioned it
    assert _described(writable, "hang-seng-index") and _described(writable, "alibaba-group")
    assert writable.get("/search", params={"q": "game revenue"}).json()["results"] == []
    assert writable.get("/entities/search", params={"q": "Tencent Holdings"}).json()["results"][:1] != \
        [{"iri": ENTITY + "tencent-holdings"}]
    with pytest.raises(Exception):  # noqa: B017 - the projection no longer holds it
        writable.app.state.projection.node(ENTITY + "tencent-holdings")
    hsi = writable.app.state.projection.node(ENTITY + "hang-seng-index")
    assert hsi.articles == 1

    assert writable.delete(f"/articles/{tencent['id']}", headers=AUTH).status_code == 404
    assert writable.get(f"/articles/{alibaba['id']}").status_code == 200


# -- /update -------------------------------------------------------------------------------


def test_update_needs_the_setting_and_a_key(settings, tmp_path, writable):
    insert = "INSERT DATA { GRAPH <urn:x-notes> { id:entity\\/hang-seng-index rdfs:comment \"a note\" } }"
    headers = {**AUTH, "content-type": "application/sparql-update"}
    assert writable.post("/update", content=insert, headers={"content-type": "application/sparql-update"}) \
        .status_code == 401
    done = writable.post("/update", content=insert, headers=headers)
    assert done.status_code == 200 and done.json() == {"quads_added": 1}
    assert _ask(writable, 'ASK { ?x rdfs:comment "a note" }')
    form = writable.post("/update", data={"update": "DELETE WHERE { GRAPH <urn:x-notes> { ?s ?p ?o } }"}, headers=AUTH)
    assert form.json() == {"quads_added": -1}
    broken = writable.post("/update", content="INSERT DATA { <a> }", headers=headers)
    assert broken.status_code == 400
    assert writable.post("/update", content="SELECT * {}", headers={**AUTH, "content-type": "text/csv"}) \
        .status_code == 415
    assert writable.post("/sparql", content=insert, headers=headers).status_code == 400

    app, store = _app(settings, tmp_path / "off", api_key=KEY)  # a key, but no enable_update
    with TestClient(app) as client:
        off = client.post("/update", content=insert, headers=headers)
        assert off.status_code == 403 and "MARKETGRAPH_ENABLE_UPDATE" in off.json()["detail"]
    store.close()


# -- reads during writes -------------------------------------------------------------------

_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), STR(id:article\\/))) } GROUP BY ?g"


def test_writes_queued_together_go_in_together_in_arrival_order(settings, tmp_path):
    """Posts that wait behind a busy writer are ingested as one batch (one projection refresh),
    each answered with its own articles; a delete queued between two posts stays between them."""
    import asyncio

    from api.service import article_from_record

    app, store = _app(settings, tmp_path, api_key=KEY)
    with TestClient(app) as client:
        writer = app.state.writer
        ingests = []
        real_ingest = writer.ingest
        writer.ingest = lambda articles, **kw: ingests.append(len(articles)) or real_ingest(articles, **kw)
        tencent, alibaba = (article_from_record(r, source="test") for r in (TENCENT, ALIBABA))
        edited = article_from_record({**TENCENT, "text": TENCENT["text"] + " Meituan rose 2 percent."}, source="test")
        tencent_iri = client.post("/articles", json=TENCENT, headers=AUTH).json()["articles"][0]["iri"]
        ingests.clear()

        async def queued():
            busy = threading.Event()
            blocker = asyncio.ensure_future(writer.run(busy.wait, 10))
            await asyncio.sleep(0.05)  # the writer thread is taken: what follows waits in its queue
            writes = [asyncio.ensure_future(writer.add([alibaba])),
                      asyncio.ensure_future(writer.run(writer.remove, tencent_iri)),
                      asyncio.ensure_future(writer.add([edited])),
                      asyncio.ensure_future(writer.add([alibaba]))]
            await asyncio.sleep(0.05)
            busy.set()
            await blocker
            return await asyncio.gather(*writes)

        first, removed, second, again = asyncio.run(queued())
        assert [r.status for r in first] == ["new"] and first[0].title == ALIBABA["title"]
        assert removed > 0
        assert [(r.status, r.title) for r in second] == [("new", TENCENT["title"])]  # after the delete: new again
        assert [r.status for r in again] == ["unchanged"]
        assert ingests == [1, 2]  # the delete split the queue; the two posts behind it went in together
        assert _described(client, "meituan") and _described(client, "alibaba-group")
        assert client.get("/entities/neighborhood", params={"iri": f"{ENTITY}meituan"}).status_code == 200
    store.close()


def test_the_extraction_process_is_started_again_when_it_dies(writable):
    import os
    import signal

    assert writable.post("/articles", json=TENCENT, headers=AUTH).status_code == 200
    process = writable.app.state.writer._process
    os.kill(process.pid, signal.SIGKILL)
    answer = writable.post("/articles", json=ALIBABA, headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert answer.json()["new"] == 1 and process.pid is not None
    assert _described(writable, "alibaba-group")


def _dev_records(n: int) -> list[dict]:
    from ingest.article import Article
    from ingest.sources import read_paths

    records = []
    for article in read_paths(sorted((DATA / "dev").glob("*.txt"))):
        assert isinstance(article, Article), article
        records.append({"id": article.key, "title": article.title, "text": article.body,
                        "published": article.published.isoformat() if article.published else None})
    return [{k: v for k, v in r.items() if v is not None} for r in records[:n]]


def _edited(record: dict) -> dict:
    # a word early in the body: every later offset of the new version moves
    return {**record, "text": record["text"].replace(" ", " really ", 1)}


def _consistent(detail: dict) -> bool:
    body = detail["body"] or ""
    return all(body[m["start"]:m["end"]] == m["text"] for e in detail["entities"] for m in e["mentions"])


def test_reads_during_a_write_batch_never_see_half_an_article(settings, tmp_path):
    """Readers query while a batch (one transaction per 2 articles) and then replacements are written:
    every article graph a reader sees holds exactly the triples of one complete version, and an
    article's details (several queries) come from one version (mention offsets match its body)."""
    records = _dev_records(12)
    reference_app, reference_store = _app(settings, tmp_path / "ref", api_key=KEY, batch_size=2, sync_batch_limit=100)
    with TestClient(reference_app) as ref:
        ref.post("/articles", json=records, headers=AUTH)
        first = {r["g"]: r["n"] for r in _rows(ref, _SIZES)}
        assert ref.post("/articles", json=[_edited(r) for r in records[:4]], headers=AUTH).json()["replaced"] == 4
        second = {r["g"]: r["n"] for r in _rows(ref, _SIZES)}
    reference_store.close()
    assert len(first) == 12
    allowed = {g: {first[g], second[g]} for g in first}

    app, store = _app(settings, tmp_path / "live", api_key=KEY, batch_size=2, sync_batch_limit=100)
    seen: list[int] = []
    details: list[int] = []
    bad: list[str] = []
    stop = threading.Event()
    with TestClient(app) as client:
        def reader() -> None:
            while not stop.is_set():
                sizes = {r["g"]: r["n"] for r in _rows(client, _SIZES)}
                seen.append(len(sizes))
                bad.extend(f"{g}: {n} triples, complete versions have {allowed.get(g)}"
                           for g, n in sizes.items() if n not in allowed.get(g, ()))
                for article in client.get("/articles", params={"limit": 4}).json()["articles"]:
                    detail = client.get(f"/articles/{article['id']}")
                    if detail.status_code == 200:
                        details.append(1)
                        if not _consistent(detail.json()):
                            bad.append(f"{article['id']}: mentions of another version than the body")

        threads = [threading.Thread(target=reader) for _ in range(3)]
        for thread in threads:
            thread.start()
        try:
            assert client.post("/articles", json=records, headers=AUTH).json()["new"] == 12
            for record in records[:4]:
                assert client.post("/articles", json=_edited(record), headers=AUTH).json()["replaced"] == 1
        finally:
            stop.set()
            for thread in threads:
                thread.join()
        final = {r["g"]: r["n"] for r in _rows(client, _SIZES)}
    store.close()
    assert final == second  # the same graphs as the reference run
    assert bad == [], bad[:5]
    assert len(seen) > 10 and min(seen) < 12 and max(seen) == 12 and len(details) > 10


def _rows(client, query: str) -> list[dict]:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, (response.status_code, response.headers, response.text[:300])
    answer = response.json()
    return [{k: (int(v["value"]) if v.get("datatype", "").endswith("integer") else v["value"])
             for k, v in b.items()} for b in answer["results"]["bindings"]]


# -- crash points inside one store write ---------------------------------------------------


class Died(BaseException):
    """Stands for the process being killed at this point."""


def test_a_crash_between_the_store_and_the_text_index_is_repaired(settings, tmp_path, seed_extraction, extractor):
    """A deterministic complement to the kill -9 stress test: the write dies after Oxigraph committed,
    before the text index followed. Reopened, the store is whole and search finds the article."""
    from graph.mapping import map_extraction

    path = tmp_path / "kg"
    store = open_store(path)
    store.write_articles([map_extraction(seed_extraction)])
    other = extractor.extract(dataclasses.replace(
        seed_extraction.article, title="Molybdenum in focus", url="https://news.example/m",
        body="Zirconium prices rose 3 percent in Hong Kong."))

    def die(*_args, **_kwargs):
        raise Died

    store._index_graph = die  # the process dies right after the store transaction
    with pytest.raises(Died):
        store.write_articles([map_extraction(other, labelled=seed_extraction.entities.keys())])
    del store  # no close: as after kill -9 (the store's files are released with the object)
    gc.collect()
    reopened = open_store(path)
    assert len(reopened.article_hashes([str(map_extraction(other).iri)])) == 1
    assert reopened.text.meta("revision") != reopened.revision()
    assert [h["article"] for h in reopened.search_text("zirconium")] == [str(map_extraction(other).iri)]
    assert reopened.text.meta("revision") == reopened.revision()
    revisions = reopened.select("SELECT ?r WHERE { GRAPH ?g { ?s mg:revision ?r } }")
    assert len(revisions) == 1
    reopened.close()


# -- backup and restore --------------------------------------------------------------------


def test_backup_and_restore_give_back_the_same_graph(cli_env, seed_path, tmp_path):
    store, copy, restored = tmp_path / "kg", tmp_path / "backup", tmp_path / "restored"
    ingest = run("ingest", str(seed_path), str(SAMPLES), "--store", str(store), env=cli_env)
    assert ingest.returncode == 0, ingest.stderr
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def answer(where, query):
        result = run("query", "--store", str(where), "--format", "csv", query, env=cli_env)
        assert result.returncode == 0, result.stderr
        return result.stdout

    made = run("backup", str(copy), "--store", str(store), env=cli_env)
    assert made.returncode == 0, made.stderr
    assert "quads" in made.stderr
    again = run("backup", str(copy), "--store", str(store), env=cli_env)
    assert again.returncode == 2 and "already exists" in again.stderr

    back = run("restore", str(copy), "--store", str(restored), env=cli_env)
    assert back.returncode == 0, back.stderr
    for query in (count, HSI_MOVE):
        assert answer(restored, query) == answer(store, query)
    text_query = 'SELECT ?a WHERE { ?a a mg:Article FILTER(mg:textMatch(?a, "molybdenum")) } ORDER BY ?a'
    hits = answer(restored, text_query)  # the text index is rebuilt from the restored store
    assert hits == answer(store, text_query) and hits.count("article/") >= 1

    # a store with data is replaced only with --force; the backup stays usable
    refused = run("restore", str(copy), "--store", str(restored), env=cli_env)
    assert refused.returncode == 2 and "--force" in refused.stderr
    forced = run("restore", str(copy), "--store", str(restored), "--force", env=cli_env)
    assert forced.returncode == 0, forced.stderr
    assert answer(copy, count) == answer(store, count)
    not_a_backup = run("restore", str(tmp_path), "--store", str(tmp_path / "x"), env=cli_env)
    assert not_a_backup.returncode == 3 and "not a marketgraph backup" in not_a_backup.stderr


def test_write_endpoints_are_documented(client):
    spec = client.get("/openapi.json").json()
    for path, method in (("/articles", "post"), ("/articles/{id}", "put"), ("/articles/{id}", "delete"),
                         ("/jobs/{id}", "get"), ("/update", "post")):
        operation = spec["paths"][path][method]
        assert "API key" in operation["summary"] and operation["description"], (method, path)
        assert {"401", "403"} <= set(operation["responses"]), (method, path)
    body = spec["paths"]["/articles"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data", "text/plain", "text/html"} <= set(body)
    assert "text" in body["application/json"]["schema"]["oneOf"][0]["properties"]
    assert "202" in spec["paths"]["/articles"]["post"]["responses"]
