// The libxlsxwriter C API, exactly as Debian's libxlsxwriter-dev (or Homebrew's libxlsxwriter) installs it.
// Only Workbook.swift in FairShareXLSX imports this module.
#include <xlsxwriter.h>
