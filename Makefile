# The two commands of the README. Each installs the C libraries first when they are missing (GLPK, libxlsxwriter;
# for the tests also glpsol and LibreOffice Calc): scripts/ensure-glpk.sh. `make test` also installs Chromium,
# which renders the HTML report in its tests: scripts/ensure-chromium.sh.
#   make solve   solve the Drechtsteden scenario and print the allocation
#   make test    run every test
.PHONY: solve test

solve:
	@scripts/ensure-glpk.sh
	swift run -c release fairshare solve Scenarios/drechtsteden.json

test:
	@scripts/ensure-glpk.sh --with-test-tools
	@scripts/ensure-chromium.sh
	swift test
