# Berth: thin targets over Maven. `make help` lists them.
MVN ?= mvn -B
DIST := karaf-dist/target/assembly

.PHONY: help build run test unit bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

build: ## build every module and the distribution, without tests
	$(MVN) -q install -DskipTests

run: build ## build, then start Berth in the foreground (Karaf console; type berth:<TAB>)
	$(DIST)/bin/karaf

test: ## run every test: unit tests, Pax Exam tests in Karaf, distribution tests
	$(MVN) install

unit: ## unit tests only
	$(MVN) install -DskipITs

bench: ## run every benchmark (root, runc, crun, conmon): docs/bench-report.md and docs/bench-chart.svg
	bench/run.sh

clean: ## remove build output
	$(MVN) -q clean
