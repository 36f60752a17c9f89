# claimsh: `make run` starts the shell on seeds/, `make test` runs every test.
# Both first install what a fresh Debian machine with Swift 6.3 lacks (you are root there).

SWIFT ?= swift
CORPUS ?= seeds
N ?= 1000000

.PHONY: run test format format-check train train-check build release deps sqlvenv bench bench-sql bench-operators bench-bbc bench-scripts bench-html fuzz fuzz-smoke clean

deps:
	@missing=""; \
	pkg-config --exists libedit 2>/dev/null || missing="$$missing libedit-dev pkg-config"; \
	pkg-config --exists libxml-2.0 2>/dev/null || missing="$$missing libxml2-dev"; \
	pkg-config --exists zlib 2>/dev/null || missing="$$missing zlib1g-dev"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: build
	@$$($(SWIFT) build --show-bin-path)/claimsh --corpus $(CORPUS)

# DuckDB, pyarrow and PySpark (on Java 17), pinned, for the tests that read claimsh's Parquet
# and run its SQL.
SQLVENV = .build/sqlvenv
SQL_PACKAGES = duckdb==2.0.1 pyarrow==26.0.1 pyspark==4.3.0

sqlvenv: deps
	@missing=""; \
	python3 -c 'import ensurepip' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	command -v java >/dev/null 2>&1 || missing="$$missing openjdk-17-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	@$(SQLVENV)/bin/python -c 'import duckdb, pyarrow, pyspark' >/dev/null 2>&1 || { \
	  echo "installing into $(SQLVENV): $(SQL_PACKAGES)"; \
	  python3 -m venv $(SQLVENV) && $(SQLVENV)/bin/pip install -q $(SQL_PACKAGES); }

test: build sqlvenv
	@$(MAKE) --no-print-directory format-check
	CLAIMSH_SQL_PYTHON=$(CURDIR)/$(SQLVENV)/bin/python $(SWIFT) test
	@Tests/Fuzz/fuzz.sh smoke
	@$(MAKE) --no-print-directory train-check

# The repository's formatting (.swift-format): `make format` applies it; `make test` checks
# that it would change nothing and that no line is over the limit (the string literals and
# comments the formatter does not break included).
format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests

format-check:
	@tmp=$$(mktemp -d); cp -r Sources Tests .swift-format $$tmp/; \
	(cd $$tmp && $(SWIFT) format format --in-place --recursive --parallel Sources Tests) || { rm -rf $$tmp; exit 1; }; \
	changed=$$(diff -r -u Sources $$tmp/Sources; diff -r -u Tests $$tmp/Tests); rm -rf $$tmp; \
	if [ -n "$$changed" ]; then echo "$$changed" | head -60; echo "format-check: make format would change the files above"; exit 1; fi; \
	limit=$$(python3 -c 'import json; print(json.load(open(".swift-format"))["lineLength"])'); \
	long=$$(find Sources Tests -name '*.swift' -print0 | xargs -0 awk -v n=$$limit 'length > n {print FILENAME ":" FNR}'); \
	if [ -n "$$long" ]; then echo "$$long"; echo "format-check: these lines are over $$limit characters"; exit 1; fi; \
	echo "format-check: formatted as .swift-format says, no line over $$limit characters"

# The attribution model (Sources/ClaimCorpus/Resources/attribution.model), trained on PolNeAR's
# training split as ../shared/gold/ holds it: deterministic, about twenty seconds on two cores.
POLNEAR ?= ../shared/gold/polnear-train
MODEL = Sources/ClaimCorpus/Resources/attribution.model

train: deps
	$(SWIFT) build -c release --product claimsh-train
	$$($(SWIFT) build -c release --show-bin-path)/claimsh-train $(POLNEAR) $(MODEL)

# make test: the shipped model is the one training makes (where the training set is at hand).
train-check: deps
	@if [ -d $(POLNEAR) ]; then \
	  $(SWIFT) build -c release --product claimsh-train >/dev/null && \
	  $$($(SWIFT) build -c release --show-bin-path)/claimsh-train $(POLNEAR) .build/attribution.model 2>/dev/null && \
	  cmp -s .build/attribution.model $(MODEL) && echo "train-check: the shipped attribution model is the one make train makes" || \
	  { echo "train-check: Sources/ClaimCorpus/Resources/attribution.model differs from what make train makes"; exit 1; }; \
	else echo "train-check: skipped, no $(POLNEAR)"; fi

# Scripts of 10,000 and 100,000 one-line statements on seeds/ (linear time: the second takes 10x).
bench-scripts: release
	@python3 Sources/claimsh-bench/script_length.py "$$($(SWIFT) build -c release --show-bin-path)/claimsh"

FUZZ_RUNS ?= 10000000

# libFuzzer (-sanitize=fuzzer,address) over whole scripts and over the loaders, FUZZ_RUNS
# inputs each; a crash is saved in .build-fuzz/work/crashes/.
fuzz: deps
	@Tests/Fuzz/fuzz.sh run $(FUZZ_RUNS)

# Twenty seconds of each fuzzer (make test runs it).
fuzz-smoke: deps
	@Tests/Fuzz/fuzz.sh smoke

BBC ?= ../shared/corpora/bbc-news-2225

# Article bodies from saved web pages: claimsh on html-bench beside the peers' figures, one run.
bench-html: release
	@python3 Sources/claimsh-bench/html_vs_peers.py

# The peer benchmark: claimsh vs DuckDB, polars and SQLite on N synthetic claims, one run.
bench: release
	@python3 Sources/claimsh-bench/peers_vs_claimsh.py $(N) --bbc $(BBC)

# 10M claims: claimsh against DuckDB running the SQL claimsh compiles, over claimsh's Parquet export.
bench-sql: release
	@python3 Sources/claimsh-bench/peers_vs_claimsh.py 10000000 --engines duckdb --reps 3 --bbc ''

# Beyond the six queries: grouping, distinct, text order, a pattern and exports, claimsh vs
# DuckDB on the same Parquet file of N claims (made with gen_claims.py and .export when missing).
bench-operators: release sqlvenv
	@d=/tmp/claimsbench/n$(N); bin=$$($(SWIFT) build -c release --show-bin-path); \
	  [ -f $$d/claims.jsonl ] || python3 ../shared/bench/gen_claims.py $(N) --out /tmp/claimsbench; \
	  [ -f $$d/claims.parquet ] || $$bin/claimsh --no-init --corpus $$d/claims.jsonl -c ".export $$d/claims.parquet"; \
	  python3 Sources/claimsh-bench/operators.py $$bin/claimsh $(SQLVENV)/bin/python $$d/claims.parquet

# Load + extract the BBC corpus in a release build: on one core, then on all cores.
bench-bbc: release
	@echo "one core:"; taskset -c 0 $$($(SWIFT) build -c release --show-bin-path)/claimsh-bench load $(BBC) 5
	@echo "all cores:"; $$($(SWIFT) build -c release --show-bin-path)/claimsh-bench load $(BBC) 5

clean:
	rm -rf .build
