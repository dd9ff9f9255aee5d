# `cmake --install` and the .deb (`cpack -G DEB` in the build folder): the two programs, the shipped model, the
# desktop entry, the icon (SVG and PNG sizes), the MIME type of .s2a songs and the docs. QML, translations, the
# window icon and the model configs are compiled into the programs; the engine finds the model relative to its
# own binary (../share/s2a-studio/models, inference/diffusion/WeightsLocation.cpp), so an installed copy runs
# without the source tree (tests/install checks both from a temporary folder). The offline tools (s2a-train,
# s2a-eval, s2a-corpus) are for developers and stay in the build folder.
include(GNUInstallDirs)

install(TARGETS s2a s2a-studio RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The shipped model's folder: the config inference::diffusion::defaultModelConfig() names (tst_install checks that
# the installed copy's `s2a --version` finds this one).
set(S2A_SHIPPED_MODEL small-keyed)
install(FILES
  ${PROJECT_SOURCE_DIR}/resources/models/${S2A_SHIPPED_MODEL}/config.json
  ${PROJECT_SOURCE_DIR}/resources/models/${S2A_SHIPPED_MODEL}/model.safetensors
  ${PROJECT_SOURCE_DIR}/resources/models/${S2A_SHIPPED_MODEL}/model.safetensors.sha256
  ${PROJECT_SOURCE_DIR}/resources/models/${S2A_SHIPPED_MODEL}/training.json
  DESTINATION ${CMAKE_INSTALL_DATADIR}/s2a-studio/models/${S2A_SHIPPED_MODEL})
install(FILES ${PROJECT_SOURCE_DIR}/resources/s2a-studio.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/s2a-studio-mime.xml
  DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME s2a-studio.xml)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/s2a-studio.svg
  DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/packaging/SOUNDFONTS.md
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/s2a-studio)

# PNG sizes of the icon, rendered at build time from the SVG by Qt's own SVG plugin.
qt_add_executable(s2a-render-icon ${PROJECT_SOURCE_DIR}/packaging/render_icon.cpp)
target_link_libraries(s2a-render-icon PRIVATE Qt6::Gui)
s2a_set_warnings(s2a-render-icon)
set(s2a_icon_pngs)
foreach(size 16 32 48 64 128 256)
  set(png ${PROJECT_BINARY_DIR}/icons/${size}x${size}/s2a-studio.png)
  add_custom_command(OUTPUT ${png}
    COMMAND s2a-render-icon ${PROJECT_SOURCE_DIR}/resources/icons/s2a-studio.svg ${size} ${png}
    DEPENDS s2a-render-icon ${PROJECT_SOURCE_DIR}/resources/icons/s2a-studio.svg VERBATIM)
  list(APPEND s2a_icon_pngs ${png})
  install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
add_custom_target(s2a-icons ALL DEPENDS ${s2a_icon_pngs})

# The .deb: shared libraries become Depends through dpkg-shlibdeps (the runtime packages, never the -dev
# ones), and packaging/runtime-depends.txt adds what Qt and the arranger load at run time (QML modules, the
# platform plugin, a soundfont). gzip: xz would take minutes of CI for a few MB.
file(STRINGS ${PROJECT_SOURCE_DIR}/packaging/runtime-depends.txt s2a_runtime_lines)
set(s2a_runtime_depends)
foreach(line IN LISTS s2a_runtime_lines)
  string(STRIP "${line}" line)
  if(line AND NOT line MATCHES "^#")
    list(APPEND s2a_runtime_depends "${line}")
  endif()
endforeach()
list(JOIN s2a_runtime_depends ", " s2a_runtime_depends)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME s2a-studio)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Structure-guided music generation and section editing")
set(CPACK_PACKAGE_DESCRIPTION "S2A Studio shows a song as a waveform cut into labelled sections, makes any section anew with a procedural arranger or a diffusion model while its neighbours stay put, plays takes in real time and exports stems.")
set(CPACK_PACKAGE_CONTACT "S2A Studio developers <s2a-studio@users.noreply.github.com>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION sound)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${s2a_runtime_depends}")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libopenblas0-pthread")
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_INSTALL_DIRECTORY s2a-studio)
include(CPack)
