"""The benchmarks still run (the speed benchmark on a small slice, the docstrings one on a folder made
here); their numbers are not checked, only their reports."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def run_python(*args: str) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` from the repository root, with this checkout's ``src`` on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, check=False
    )


def run_benchmark(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``benchmarks/<script>`` run as a user runs it, with this checkout's ``src`` on the path."""
    return run_python(str(ROOT / "benchmarks" / script), *args)


def assert_user_error(result: subprocess.CompletedProcess[str], way_out: str) -> None:
    """A user's error: exit status 2, a message that names ``way_out`` (the option to use), no traceback."""
    assert result.returncode == 2 and way_out in result.stderr and "Traceback" not in result.stderr


def test_speed_benchmark_runs_and_reports() -> None:
    result = run_benchmark("speed.py", "--quick")
    assert result.returncode == 0, result.stderr
    for heading in ["| corpus ", "| damaged ", "| textmend ", "fitted x ftfy", "Checks", "Targets"]:
        assert heading in result.stdout
    assert "ftfy still finds something to fix in 0 of" in result.stdout


def test_corpus_benchmark_runs_each_row_in_a_fresh_interpreter_and_compares_outputs() -> None:
    result = run_benchmark("corpus.py", "--megabytes", "0.3", "--quick")
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| jsonl | jsonl |")]
    assert [row.split(" | ")[2] for row in rows] == ["1", "2"]
    assert float(rows[1].split(" | ")[7]) > 0  # the workers' CPU seconds: the run used workers
    assert "every worker count wrote identical output per format" in result.stdout


def test_docstrings_benchmark_counts_the_changes_in_a_site_folder(tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    prose = "This function reads the file and returns its lines. " * 4
    (package / "module.py").write_text(
        f'def f():\n    """{prose}It keeps hisgills apart from the rest."""\n'
        f'def g():\n    """{prose}The lineno: field is a name, and so is isinstance."""\n'
        'def h():\n    """Too short."""\n',
        encoding="utf-8",
    )
    result = run_benchmark("docstrings.py", "--site", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "| 2 | " in result.stdout  # two docstrings of 200+ characters; the short one is left out
    assert "most changed: `hisgills` 1" in result.stdout  # the glue, and none of the names


def test_package_docs_benchmark_reads_descriptions_and_doc_files_once(tmp_path: Path) -> None:
    prose = "This package reads the file and returns its lines for you. " * 4
    metadata = tmp_path / "demo-1.0.dist-info"
    metadata.mkdir()
    (metadata / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: demo\n\n{prose}It keeps hisgills apart.\n", encoding="utf-8"
    )
    docs = tmp_path / "demo"
    docs.mkdir()
    readme = f"{prose}\n\n```\naws directconnect describe-lags\n```\n"
    (docs / "README.md").write_text(readme, encoding="utf-8")
    (docs / "copy.rst").write_text(readme, encoding="utf-8")
    (docs / "LICENSE.md").write_text(f"{prose} usedfor", encoding="utf-8")
    result = run_benchmark("package_docs.py", "--site", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "| 2 | " in result.stdout  # the description and one of the two equal files; no licence
    assert "most changed: `hisgills` 1" in result.stdout  # the glue, not the command in its block


def test_changelogs_benchmark_measures_unfitted_and_fitted_on_the_other_half(tmp_path: Path) -> None:
    import gzip

    note = "  * New upstream release; the maintainer fixed the build and the tests.\n" * 5
    for number, extra in enumerate(["  * It keeps hisgills apart.\n", "", "  * Rebuilt.\n", ""]):
        (tmp_path / f"package{number}").mkdir()
        with gzip.open(tmp_path / f"package{number}" / "changelog.Debian.gz", "wt", encoding="utf-8") as file:
            file.write(f"package{number} (1.0-{number}) unstable; urgency=medium\n\n{note}{extra}")
    result = run_benchmark("changelogs.py", "--folder", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("| 4 | ") == 2  # four changelogs, unfitted and fitted
    assert "most changed, unfitted: `hisgills` 1" in result.stdout
    missing = run_benchmark("changelogs.py", "--folder", str(tmp_path / "none"))
    assert missing.returncode == 2 and "--folder" in missing.stderr


def test_mail_benchmark_reads_the_ham_the_informal_set_leaves_out(tmp_path: Path) -> None:
    import json

    prose = "We tried the new build on two machines and it ran well once the cache was cleared. " * 3
    messages = {
        "easy-ham-1/00004.abc.json": f"{prose}The tool was usedfor backups.",  # an id the informal set has
        "easy-ham-2/09998.abc.json": f"{prose}It was usedfor backups.",
        "easy-ham-2/09999.abc.json": "Too short to be a record.",
    }
    for name, body in messages.items():
        (tmp_path / "data" / name).parent.mkdir(parents=True, exist_ok=True)
        mail = f"From: a@example.org\nSubject: builds\nContent-Type: text/plain\n\n{body}\n"
        (tmp_path / "data" / name).write_text(json.dumps({"text": mail}), encoding="utf-8")
    result = run_benchmark("mail.py", "--package", str(tmp_path), "--contexts")
    assert result.returncode == 0, result.stderr
    assert "| 1 | 55 | 1 |" in result.stdout  # one message read: the other is in the set, one too short
    assert "most changed: `usedfor` 1" in result.stdout
    assert "spamassassin-easy-ham-2-09998: ..." in result.stdout
    assert "cleared. It was [usedfor -> used for] backups." in result.stdout
    assert_user_error(run_benchmark("mail.py", "--package", str(tmp_path / "none")), "--package")


def test_books_benchmark_counts_the_words_fixers_changes_in_a_folder_of_books(tmp_path: Path) -> None:
    author = tmp_path / "Writer, A."
    author.mkdir()
    story = "The sun itself uprose over the hills, and the men went down to the sea. " * 3
    footer = "*** END OF THE PROJECT GUTENBERG EBOOK X ***\nkeepit"
    body = f"{story}They were usedfor hard work.\n\n{story}\n\n{footer}"
    for number in range(8):  # books go to dev or test by a hash of their path: some land in each
        (author / f"Book {number}.txt").write_text(
            f"Header\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\n{body}", encoding="utf-8"
        )
    (tmp_path / "Austen, Jane").mkdir()
    (tmp_path / "Austen, Jane" / "Emma.txt").write_text("They were usedfor it.\n", encoding="utf-8")
    results = [
        run_benchmark("books.py", "--books", str(tmp_path), "--split", s, "--workers", "1")
        for s in ("dev", "test")
    ]
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "| books | words |" in result.stdout
    counts = [re.search(r"^\| (\d+) \| ", result.stdout, re.MULTILINE) for result in results]
    books = sum(int(found.group(1)) for found in counts if found)
    assert books == 8  # the excluded author's book is not read
    assert any("`usedfor -> used for`" in r.stdout for r in results)
    assert not any("keepit" in r.stdout or "uprose" in r.stdout for r in results)  # after the footer; a word
    missing = run_benchmark("books.py", "--books", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "no folder" in missing.stderr and "Traceback" not in missing.stderr


def test_unmarked_benchmark_counts_the_words_fixers_changes_per_language(tmp_path: Path) -> None:
    udhr, bible = tmp_path / "udhr", tmp_path / "bible"
    udhr.mkdir()
    bible.mkdir()
    zulu = "Bonke abantu bazalwa bekhululekile futhi belingana ngesithunzi nangamalungelo."
    (udhr / "udhr_zul.xml").write_text(
        '<udhr xmlns="http://www.unhchr.ch/udhr" key="zul"><title>Isimemezelo</title>'
        f"<article><para>{zulu}</para><para>Akukho lutho okuyohunyushwa ngokuthi uMbuso mumbe "
        "unelungelo lokwenza noma isiphi isenzo.</para></article></udhr>",
        encoding="utf-8",
    )
    (udhr / "udhr_broken.xml").write_text("<udhr", encoding="utf-8")  # a file that does not parse: left out
    verses = "".join(
        f'<seg id="b.GEN.1.{n}">The men went down to the sea and were usedfor hard work.</seg>'
        for n in (1, 2)
    )
    chapter = f'<div type="book"><div type="chapter">{verses}</div></div>'
    (bible / "English-Glued.xml").write_text(
        f"<cesDoc><text><body>{chapter}</body></text></cesDoc>", encoding="utf-8"
    )
    result = run_benchmark("unmarked.py", "--udhr", str(udhr), "--bible", str(bible))
    assert result.returncode == 0, result.stderr
    assert "| UDHR (dev), paragraphs | 1 | 3 | " in result.stdout  # the title and two paragraphs
    assert "| UDHR (dev), documents | 1 | 1 | 20 | 0 | 0.00 | 0 |" in result.stdout  # the Zulu is left alone
    assert "| Bible (test), verses | 1 | 2 | 24 | 2 | " in result.stdout  # every split counts as false
    assert "`English-Glued: usedfor -> used for` 2" in result.stdout
    missing = run_benchmark("unmarked.py", "--udhr", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "no folder" in missing.stderr and "Traceback" not in missing.stderr


def test_manuals_benchmark_counts_the_words_fixers_changes_in_prose_only(tmp_path: Path) -> None:
    html, rst = tmp_path / "html", tmp_path / "rst"
    html.mkdir()
    rst.mkdir()
    (html / "page.html").write_text(
        "<html><head><title>usedfor</title></head><body><p>The tool was usedfor hard work.</p>"
        "<pre>x = usedfor(y) and more code here</pre><li>A short item</li></body></html>",
        encoding="utf-8",
    )
    (rst / "pep-0001.rst").write_text(
        "Title\n=====\n\nThe tool was usedfor hard work, as the example shows::\n\n"
        "    usedfor = thatis(1)\n\n.. note:: a directive usedfor nothing at all\n\nIt ends here, for now.\n",
        encoding="utf-8",
    )
    cnxml = tmp_path / "cnxml" / "modules" / "m1"
    cnxml.mkdir(parents=True)
    (cnxml / "index.cnxml").write_text(
        '<document xmlns="http://cnx.rice.edu/cnxml"><title>usedfor</title><metadata>'
        "<md:title>usedfor usedfor usedfor usedfor</md:title></metadata><content>"
        '<para id="p1">The tool was usedfor hard work<newline/>Result: a mass of'
        " <m:math><m:mi>usedfor</m:mi></m:math> ten grams.<footnote>usedfor a source of the"
        " claim</footnote></para></content></document>",
        encoding="utf-8",
    )
    result = run_benchmark(
        "manuals.py", f"html={html}", f"rst={rst}", f"cnxml={cnxml.parent.parent}", "--fitted"
    )
    assert result.returncode == 0, result.stderr
    # One page each; the head, the code, the directive and the short item are not read.
    assert result.stdout.count("| 1 | 6 | 1 | ") == 1, result.stdout  # html: one paragraph of six words
    assert "| 1 | 15 | 1 | " in result.stdout, result.stdout  # rst: two paragraphs of 10 and 5 words
    # cnxml: two paragraphs of six words; the metadata, MathML and footnote are not read, a line break
    # ends a paragraph ("work" is not glued to "Result:"), and a title of one word is too short to count
    assert "| 1 | 12 | 1 | " in result.stdout, result.stdout
    assert result.stdout.count("`usedfor -> used for` 1") == 3
    assert result.stdout.count("fitted on the same manual: ") == 3
    missing = run_benchmark("manuals.py", f"gone={tmp_path / 'nowhere'}")
    assert missing.returncode == 2 and "NAME=FOLDER" in missing.stderr and "Traceback" not in missing.stderr


_NO_TABLE_LOADED_AFTER_WARM_UP = """
import sys
sys.path.insert(0, "benchmarks")
import speed, textmend
from textmend import lexicon
from textmend.fixers import _dictionary, _pairs
textmend.mend(speed.WARM_UP)
loaded = []
def spy(original):
    def read(*args, **kwargs):
        loaded.append(args)
        return original(*args, **kwargs)
    return read
_pairs.data_text = spy(_pairs.data_text)
_dictionary.data_text = spy(_dictionary.data_text)
lexicon._buckets = spy(lexicon._buckets)
sets, _ = speed.corpora_sets(True)
for name, docs in sets.items():
    for doc in docs:
        textmend.mend(doc)
print(sorted(set(loaded)))
"""


def test_the_speed_benchmarks_warm_up_loads_every_table_its_cold_pass_reads() -> None:
    # The cold pass of #18 starts with the word lists loaded: a table first read inside it would be
    # timed as if it were the text's cost (the WordNet adjectives and the English common words were).
    result = run_python("-c", _NO_TABLE_LOADED_AFTER_WARM_UP)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_fortunes_benchmark_reads_each_cookie_as_a_record(tmp_path: Path) -> None:
    folder = tmp_path / "usr/share/games/fortunes"
    folder.mkdir(parents=True)
    (folder / "proverbios").write_text("Quien hace, aplace.\n%\nIt was usedfor tea.\n%\n", encoding="utf-8")
    (folder / "proverbios.dat").write_bytes(b"\x00\x02")  # the index fortune reads: no cookies
    (folder / "latin1").write_bytes("Caf\xe9 au lait\n%\n".encode("latin-1"))  # not UTF-8: left out
    result = run_benchmark("fortunes.py", "--languages", "es", "--unpacked", str(tmp_path), "--contexts")
    assert result.returncode == 0, result.stderr
    assert "es proverbios: words/glued: 'It was used' ['' -> ' '] 'for tea.'" in result.stdout
    assert "| es | fortunes-es 1.36 | 2 | 7 | 0 | 1 | 14285.71 | 0 | 0 | 1 | 0 | 0 |" in result.stdout
    missing = run_benchmark("fortunes.py", "--languages", "es", "--unpacked", str(tmp_path / "none"))
    assert_user_error(missing, "--unpacked")


def test_speeches_benchmark_mends_each_address(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    address = "Fellow citizens, the year was good for the nation.We will keep it so. It was usedfor all."
    (tmp_path / "data" / "1790_george_washington_n.txt").write_text(address, encoding="utf-8")
    (tmp_path / "data" / "1790_george_washington_n.json").write_text("{}", encoding="utf-8")
    result = run_benchmark("speeches.py", "--package", str(tmp_path), "--contexts")
    assert result.returncode == 0, result.stderr
    assert "| 1 | 17 | 2 | 11764.71 |" in result.stdout
    assert "1790_george_washington_n: words/no-space: " in result.stdout
    assert "by kind: `words/no-space` 1, `words/glued` 1" in result.stdout
    assert_user_error(run_benchmark("speeches.py", "--package", str(tmp_path / "none")), "--package")


def test_manpages_benchmark_mends_pages_rendered_before(tmp_path: Path) -> None:
    page = (
        "NAME\n       tmux - terminal multiplexer\n\n       the colours brightred, brightgreen, brightyellow"
    )
    (tmp_path / "tmux.1.gz.txt").write_text(page + "\n       It was usedfor tea.\n", encoding="utf-8")
    result = run_benchmark("manpages.py", "--rendered", str(tmp_path), "--contexts")
    assert result.returncode == 0, result.stderr
    assert "brightyellow\\n       It was used' ['' -> ' '] 'for tea.\\n'" in result.stdout  # the colours stay
    assert "| 1 | 14 | 1 | 7142.86 |" in result.stdout
    assert_user_error(run_benchmark("manpages.py", "--rendered", str(tmp_path / "none")), "*.txt")
    assert_user_error(run_benchmark("manpages.py", "--root", str(tmp_path / "none")), "--root")


def test_spam_benchmark_mends_every_text_part_and_reads_back_each_result(tmp_path: Path) -> None:
    import json

    plain = "Dear friend, we discovered the sumof US$37,400,000.00 in my bank.\n"
    html = '<table><tr><td>\n<hr noshade color="#808080" size="1"></td>\n'
    html += "<td>Click here&#8217s the offer</td>\n"
    mail = (
        "From: a@example.org\nSubject: offer\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="b"\n\n'
        f"--b\nContent-Type: text/plain\n\n{plain}--b\nContent-Type: text/html\n\n{html}--b--\n"
    )
    (tmp_path / "data" / "spam-1").mkdir(parents=True)
    (tmp_path / "data" / "spam-1" / "00001.abc.json").write_text(json.dumps({"text": mail}), encoding="utf-8")
    (tmp_path / "data" / "spam-1" / "00001.abc.txt").write_text(mail, encoding="utf-8")  # a raw copy: unread
    result = run_benchmark("spam.py", "--package", str(tmp_path), "--contexts")
    assert result.returncode == 0, result.stderr
    glued = "spam-1/00001/1: words/glued: 'Dear friend, we discovered the sum' ['' -> ' '] 'of US$"
    assert glued in result.stdout
    assert "spam-1/00001/2: entity/no-semicolon: " in result.stdout  # &#8217s in markup: its ";" only
    assert "by kind: `entity/no-semicolon` 1\n" in result.stdout  # no split of "noshade" in its tag
    assert "| 1 | 10 | 1 | 10000.00 |" in result.stdout and "by kind: `words/glued` 1" in result.stdout
    assert "unsettled parts (a second mend changes them): 0 []" in result.stdout
    assert "slowest part: spam-1/00001/" in result.stdout
    assert_user_error(run_benchmark("spam.py", "--package", str(tmp_path / "none")), "--package")


def _npm_archive(folder: Path, name: str, licence: str, files: dict[str, str]) -> None:
    """An archive laid out as ``npm pack`` lays one out: ``package/package.json`` and ``files``."""
    import io
    import json
    import tarfile

    members = {"package/package.json": json.dumps({"name": name, "version": "1.0.0", "license": licence})}
    members |= {f"package/{path}": text for path, text in files.items()}
    with tarfile.open(folder / f"{name}-1.0.0.tgz", "w:gz") as tar:
        for path, text in members.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(path)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def test_readmes_benchmark_mends_permissive_packages_texts_and_reads_back_each_result(tmp_path: Path) -> None:
    readme = (
        "# knex\n\nQueries were usedfor tests. Pass the tableName option; calls without tablename fail.\n"
    )
    readme += "Shells turn `\uff02` into a quotation mark.\n" + "More words here. " * 10
    _npm_archive(tmp_path, "knex", "MIT", {"README.md": readme, "LICENSE.md": "MIT licence " * 30})
    _npm_archive(tmp_path, "closed", "GPL-3.0", {"README.md": "A text that was usedfor tests. " * 10})
    result = run_benchmark("readmes.py", "--folder", str(tmp_path), "--contexts")
    assert result.returncode == 0, result.stderr
    assert "knex-1.0.0.tgz:package/README.md: words/glued: " in result.stdout  # "usedfor": the only change
    assert "by kind: `words/glued` 1\n" in result.stdout  # "tablename" and the quoted character stay
    assert "| 1 | " in result.stdout and "closed-1.0.0" not in result.stdout  # GPL and licence files unread
    assert "unsettled texts (a second mend changes them): 0 []" in result.stdout
    assert "slowest text: knex-1.0.0.tgz:package/README.md" in result.stdout
    assert_user_error(run_benchmark("readmes.py", "--folder", str(tmp_path / "none")), "--folder")


def _pypi_project(folder: Path, name: str, licence: dict[str, object], text: str) -> None:
    """A project's JSON as PyPI's JSON API serves it: ``info`` with its name, version and description."""
    import json

    info = {
        "name": name,
        "version": "1.0",
        "description": text,
        "license": None,
        "classifiers": [],
        **licence,
    }
    (folder / f"{name}.json").write_text(json.dumps({"info": info, "urls": []}), encoding="utf-8")


def test_pypi_descriptions_benchmark_mends_permissive_projects_descriptions(tmp_path: Path) -> None:
    readme = "# tea\n\nThe tool was usedfor tea.\n\nInstall: NumPy, SciPy, statsmodels, scikit-learn.\n"
    readme += "More words here about tea and tools. " * 10
    _pypi_project(tmp_path, "tea", {"license_expression": "MIT"}, readme)
    _pypi_project(tmp_path, "bsd", {"classifiers": ["License :: OSI Approved :: BSD License"]}, readme)
    _pypi_project(tmp_path, "closed", {"license": "GPL-3.0-or-later"}, readme)
    _pypi_project(tmp_path, "short", {"license": "MIT"}, "It was usedfor tea.")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")  # a file cut short: unread
    result = run_benchmark("pypi_descriptions.py", "--folder", str(tmp_path), "--contexts")
    assert result.returncode == 0, result.stderr
    assert "tea==1.0: words/glued: '# tea\\n\\nThe tool was used' ['' -> ' '] 'for tea." in result.stdout
    assert "by kind: `words/glued` 2\n" in result.stdout  # "usedfor" in each of two; "statsmodels" stays
    assert "| 2 | " in result.stdout and "closed" not in result.stdout and "short" not in result.stdout
    assert "unsettled texts (a second mend changes them): 0 []" in result.stdout
    assert_user_error(run_benchmark("pypi_descriptions.py", "--folder", str(tmp_path / "none")), "--folder")


def test_descriptions_benchmark_mends_each_description_unfitted_and_fitted(tmp_path: Path) -> None:
    stanzas = [
        ("ispell", "International Ispell (an interactive spelling corrector)"),
        ("golang-cwalk", "Concurrent filepath.Walk replacement"),
        ("tea", "A program usedfor tea\n .\n It brews tea."),
        ("tea-doc", "A program usedfor tea\n .\n It brews tea."),  # the same description: read once
    ]
    packages = "".join(f"Package: {name}\nVersion: 1\nDescription: {text}\n\n" for name, text in stanzas)
    (tmp_path / "Packages").write_text(packages, encoding="utf-8")
    result = run_benchmark("descriptions.py", "--packages", str(tmp_path / "Packages"), "--contexts")
    assert result.returncode == 0, result.stderr
    assert "Debian package descriptions, 3 distinct, 16 words" in result.stdout
    assert "unfitted tea: words/glued: 'A program usedfor tea\\n\\nIt brews tea.'" in result.stdout
    assert "| unfitted | 1 | 6250.00 | `words/glued` 1 |" in result.stdout  # filepath.Walk stays
    assert "most changed, unfitted: `usedfor` 1" in result.stdout
    assert_user_error(run_benchmark("descriptions.py", "--packages", str(tmp_path / "none")), "--packages")


def test_manuals_benchmark_reads_each_node_of_a_gnu_info_file(tmp_path: Path) -> None:
    import gzip

    info = tmp_path / "info"
    info.mkdir()
    nodes = [
        "This is tool.info, produced by makeinfo.\n\nINFO-DIR-SECTION Utilities\n",
        "File: tool.info,  Node: Top,  Next: Index,  Up: (dir)\n\nThe tool was usedfor hard work.\n",
        "File: tool.info,  Node: Index,  Prev: Top\n\n* Menu:\n\n* ispeed:     Special.  (line 5)\n",
        "\nTag Table:\nNode: Top\x7f42\nNode: Index\x7f120\n\x1f\nEnd Tag Table\n",
    ]
    (info / "tool.info.gz").write_bytes(gzip.compress("\x1f\n".join(nodes).encode("utf-8")))
    (info / "tool.info-notes.txt").write_text("usedfor " * 10, encoding="utf-8")  # no Info file: unread
    result = run_benchmark("manuals.py", f"info={info}")
    assert result.returncode == 0, result.stderr
    assert "| 2 | 27 | 1 | " in result.stdout, result.stdout  # two nodes; the preamble and tags unread
    assert "`usedfor -> used for` 1" in result.stdout  # the index's "* ispeed:" entry stays


def test_source_code_benchmark_mends_each_source_file_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "theme.min.css").write_text(
        "/* by a writer: it was usedfor tea */\n.hljs{background:#333;color:#fff}pre code{display:block;}\n",
        encoding="utf-8",
    )
    (tmp_path / "sync.h").write_text("void f(CARD64 * /*lessthan*/);\n", encoding="utf-8")
    (tmp_path / "copy.h").write_text("void f(CARD64 * /*lessthan*/);\n", encoding="utf-8")  # read once
    (tmp_path / "latin1.py").write_bytes("# caf\xe9 usedfor\n".encode("latin-1"))  # not UTF-8: unread
    (tmp_path / "notes.txt").write_text("usedfor " * 10, encoding="utf-8")  # no source suffix: unread
    result = run_benchmark("source_code.py", "--folder", str(tmp_path), "--contexts")
    assert result.returncode == 0, result.stderr
    assert "theme.min.css: words/glued: '/* by a writer: it was used' ['' -> ' '] 'for tea" in result.stdout
    assert "by kind: `words/glued` 1\n" in result.stdout  # the colours, the keyword and the comment stay
    assert "files by kind: `.css` 1, `.h` 1\n" in result.stdout
    assert "unsettled files (a second mend changes them): 0 []" in result.stdout
    assert_user_error(run_benchmark("source_code.py", "--folder", str(tmp_path / "none")), "--folder")
    (tmp_path / "empty").mkdir()
    assert_user_error(run_benchmark("source_code.py", "--folder", str(tmp_path / "empty")), ".css")
