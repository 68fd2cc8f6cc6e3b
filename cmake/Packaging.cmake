# CPack settings for every package RoleDesk ships. Included from packaging/CMakeLists.txt.
#   Linux:   cpack -G DEB (dependencies computed by dpkg-shlibdeps), cpack -G TGZ (portable tree)
#   Windows: cpack -G NSIS, cpack -G WIX   (settings present, not buildable on the Linux CI)
#   macOS:   cpack -G DragNDrop            (settings present, not buildable on the Linux CI)
# docs/PACKAGING.md says how to build and check each of them.

set(CPACK_PACKAGE_NAME roledesk)
set(CPACK_PACKAGE_VENDOR "The RoleDesk developers")
set(CPACK_PACKAGE_CONTACT "RoleDesk developers <roledesk@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Lines of at most 80 columns: the Debian control file shows them as they are.
set(CPACK_PACKAGE_DESCRIPTION
    "RoleDesk is a desktop application with a companion command line for people
who run Alibaba Cloud DataWorks workspaces. Admins list the individual
development environments of their workspaces and choose each one's RAM role
(the DataWorks default role, a custom RAM role, or none), with a guard against
giving a role to an environment that is public in the workspace. Admins and
developers preview and validate the STS credentials an environment hands out.
An embedded sandbox plays the cloud on loopback, so all of it runs without a
cloud account.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/roledesk/RoleDesk")
set(CPACK_PACKAGE_INSTALL_DIRECTORY RoleDesk)
set(CPACK_PACKAGE_EXECUTABLES roledesk RoleDesk)
# Apache-2.0: the full text (LICENSE) in the installers; packaging/LICENSE.txt is the short notice.
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_RPM_PACKAGE_LICENSE "Apache-2.0")
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)
set(CPACK_PACKAGE_CHECKSUM SHA256)
# The build type carries debug information (RelWithDebInfo); packages ship stripped binaries.
set(CPACK_STRIP_FILES ON)
set(CPACK_VERBATIM_VARIABLES ON)

if(WIN32)
    set(CPACK_GENERATOR "NSIS;WIX")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
endif()

# --- Source package: the tree without builds, dependencies fetched by npm, or editor files.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build[^/]*/" "/node_modules/" "\\.user$" "/shot[^/]*\\.png$")

# --- Debian package -----------------------------------------------------------------------------------------------
set(CPACK_DEBIAN_PACKAGE_NAME roledesk)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CPACK_PACKAGE_HOMEPAGE_URL}")
# Library dependencies come from dpkg-shlibdeps (package dpkg-dev). It cannot see Qt plugins that are loaded at run
# time, so those are named: the SQLite driver (audit log) and the SVG icon engine / image format (icons).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
# AccessKey pairs go to the desktop keyring through qtkeychain (Secret Service or KWallet); without one, RoleDesk
# refuses to store them (it never falls back to plain text) but everything else works.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The icon cache and the desktop database are refreshed by dpkg file triggers of hicolor-icon-theme and
# desktop-file-utils, so the package needs no maintainer scripts.

# --- Portable archive (TGZ): the same tree as the .deb under roledesk-<version>-Linux/. The programs find their
# translations relative to themselves, so the tree can be unpacked anywhere; it needs the Qt 6.4 runtime and
# qtkeychain from the system (docs/PACKAGING.md lists them).
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)

# --- Windows: NSIS and WiX ------------------------------------------------------------------------------------------
set(ROLEDESK_WINDOWS_ICON ${PROJECT_SOURCE_DIR}/resources/icons/roledesk.ico)
set(CPACK_NSIS_PACKAGE_NAME RoleDesk)
set(CPACK_NSIS_DISPLAY_NAME "RoleDesk ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON ${ROLEDESK_WINDOWS_ICON})
set(CPACK_NSIS_MUI_UNIICON ${ROLEDESK_WINDOWS_ICON})
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\roledesk.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${CPACK_PACKAGE_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_MENU_LINKS "bin/roledesk.exe" "RoleDesk")
# roledesk-cli on PATH is offered as an option of the installer.
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")

# The UpgradeCode must never change: it is how Windows knows a new MSI replaces an old one.
set(CPACK_WIX_UPGRADE_GUID "A33199DF-7171-499D-8C19-29F4190C5B74")
set(CPACK_WIX_PRODUCT_ICON ${ROLEDESK_WINDOWS_ICON})
set(CPACK_WIX_PROGRAM_MENU_FOLDER RoleDesk)
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${CPACK_PACKAGE_HOMEPAGE_URL}")
set(CPACK_WIX_PROPERTY_ARPHELPLINK "${CPACK_PACKAGE_HOMEPAGE_URL}/issues")
set(CPACK_WIX_ARCHITECTURE x64)

# --- macOS: a disk image with RoleDesk.app (roledesk is a MACOSX_BUNDLE on Apple, see packaging/CMakeLists.txt).
set(CPACK_DMG_VOLUME_NAME RoleDesk)
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_BUNDLE_NAME RoleDesk)
set(CPACK_BUNDLE_PLIST ${PROJECT_SOURCE_DIR}/packaging/macos/Info.plist)
set(CPACK_BUNDLE_ICON ${PROJECT_SOURCE_DIR}/resources/icons/roledesk.icns)

include(CPack)
