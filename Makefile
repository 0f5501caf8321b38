# hyperlab: `make test` installs what the tests need, then vets, checks
# formatting and runs every test, the notebooks included (see README.md).

GO         ?= go
TEST_FLAGS ?= -timeout 60m
ifeq ($(CI),true)
TEST_FLAGS += -count=1
endif

GO_FILES = $(shell find . -name '*.go' -not -path './.git/*' -not -path '*/testdata/*' -not -path './.cache/*')

.PHONY: test setup vet fmt-check race unit notebooks notebook-sources demo

## test: everything CI runs (.ci/run calls exactly this)
test: setup vet fmt-check race
	$(GO) test $(TEST_FLAGS) ./...

## setup: install Jupyter, GoNB, goimports, gopls, Chromium and the npm script copies
setup:
	bash scripts/setup-tests.sh

vet:
	$(GO) vet ./...

fmt-check:
	@out="$$(gofmt -l $(GO_FILES))"; \
	if [ -n "$$out" ]; then echo "gofmt: these files need formatting (run gofmt -w):"; echo "$$out"; exit 1; fi

## race: the concurrent parts (parallel sweeps, the run store) under the race detector
race:
	$(GO) test -race -short $(TEST_FLAGS) ./runstore ./training/... ./lab

## unit: the tests without installing anything (notebook and browser tests skip when their tools are missing)
unit:
	$(GO) test ./...

## notebooks: re-execute every notebook of both editions in place (committed with outputs) and export HTML to notebooks/html/ (zh: notebooks/html/zh/)
notebooks:
	bash scripts/setup-notebooks.sh
	$(GO) test ./notebooks -run TestNotebooks -count=1 -v -timeout 60m -update
	bash scripts/trust-notebooks.sh notebooks/*.ipynb notebooks/zh/*.ipynb

## notebook-sources: rebuild notebooks/NAME.ipynb and notebooks/zh/NAME.ipynb from notebooks/tools/src/NAME.txt
## (code cells that did not change keep their outputs; MKNB_FLAGS=-clean drops them all)
notebook-sources:
	$(GO) run ./notebooks/tools/mknb -out notebooks $(MKNB_FLAGS) notebooks/tools/src/*.txt

## demo: the main job (train a small model, print the loss per epoch, write a report)
demo:
	$(GO) run ./cmd/hyperlab demo
