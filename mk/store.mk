# mk/store.mk - the event store, exports, `dyad serve` and its web page
# (issue 7). Their suites tests/store/run.sh and tests/web/run.sh run with
# every other suite in `make check`.
#   make store-check   only those two suites (and the export unit test)
#   make web-deps      the npm packages of the browser tests (npm ci)
#   make install       also installs web/ into $(PREFIX)/share/dyad/web

store-check: all $(BUILD)/tests/test_export
	@$(BUILD)/tests/test_export > $(BUILD)/test_export.log 2>&1 && echo "PASS unit/test_export" || \
	  { cat $(BUILD)/test_export.log; echo "FAIL unit/test_export"; exit 1; }
	@DYAD=$(BUILD)/dyad BUILD=$(BUILD) sh tests/store/run.sh $(BUILD)
	@DYAD=$(BUILD)/dyad BUILD=$(BUILD) sh tests/web/run.sh $(BUILD)

web-deps:
	npm ci --no-audit --no-fund

install: install-web
install-web:
	install -d $(DESTDIR)$(PREFIX)/share/dyad/web/vendor
	install -m 644 web/index.html web/app.js web/style.css $(DESTDIR)$(PREFIX)/share/dyad/web/
	install -m 644 web/vendor/countries-110m.json web/vendor/README.md \
	  $(DESTDIR)$(PREFIX)/share/dyad/web/vendor/

.PHONY: store-check web-deps install-web
