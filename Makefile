# The two commands of the README. Each installs GLPK first when it is missing; `make test` also installs Chromium,
# which renders the HTML report in its tests.
#   make solve   solve the Drechtsteden scenario and print the allocation
#   make test    run every test
.PHONY: solve test

solve:
	@scripts/ensure-glpk.sh
	swift run -c release fairshare solve Scenarios/drechtsteden.json

test:
	@scripts/ensure-glpk.sh --with-glpsol
	@scripts/ensure-chromium.sh
	swift test
