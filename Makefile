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

bench: build ## run the benchmarks (root, runc, crun, conmon): numbers, not tests
	$(MVN) verify -Pbench -pl itests

clean: ## remove build output
	$(MVN) -q clean
