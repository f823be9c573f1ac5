// A scenario's document, its variants' patches and its problems' paths are FairShareJSON's values: whoever
// imports FairShareScenario gets them too.
@_exported import FairShareJSON
