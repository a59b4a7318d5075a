# Debian package of the installed files (bin/einvoice, share/einvoice/schemas,
# share/doc/einvoice): cpack -G DEB in the build folder writes
# einvoice_<version>_<arch>.deb. Shared libraries the program links are found
# by dpkg-shlibdeps (package dpkg-dev); the data it reads at run time from other
# packages is listed by hand:
#   fonts-dejavu-core   DejaVuSans*.ttf embedded in rendered invoices (EINVOICE_FONT_DIR)
#   icc-profiles-free   sRGB.icc, the PDF/A output intent (EINVOICE_SRGB_PROFILE)
#   tesseract-ocr-fra, tesseract-ocr-eng   the OCR languages (fra+eng)
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "einvoice")
set(CPACK_PACKAGE_VENDOR "einvoice")
set(CPACK_PACKAGE_CONTACT "einvoice maintainers <einvoice@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "EN 16931 e-invoicing engine: CII, UBL, Factur-X, validation, OCR, seals")
set(CPACK_PACKAGE_DESCRIPTION
    "Reads, converts and validates structured invoices (UN/CEFACT CII, OASIS UBL 2.1, Factur-X)
through one EN 16931 model, renders and checks Factur-X PDFs, reads scanned invoices and seals
and verifies them (PAdES, XAdES, CAdES). Ships the official XSDs it validates against.")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "fonts-dejavu-core, icc-profiles-free, tesseract-ocr-fra, tesseract-ocr-eng")
include(CPack)
