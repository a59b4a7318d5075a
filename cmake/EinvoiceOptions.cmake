# Compiler settings shared by every einvoice target: call einvoice_target(<name>).
add_library(einvoice_options INTERFACE)
target_compile_options(einvoice_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                       -Wnon-virtual-dtor)
# GCC 12 at -O2 and above reports -Wrestrict on libstdc++'s own string
# concatenation ("x" + std::string&&: GCC bug 105329), never on our code's
# behaviour; the warning is turned off for that compiler only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(einvoice_options INTERFACE -Wno-restrict)
endif()
if(EINVOICE_WERROR)
  target_compile_options(einvoice_options INTERFACE -Werror)
endif()
if(EINVOICE_FUZZ)
  # The fuzz build: every einvoice library, program and test carries libFuzzer's
  # coverage instrumentation (fuzzer-no-link) as well as ASan and UBSan, so a
  # campaign sees the edges of the code it reaches, not only the target file.
  # The <target>_fuzz binaries add -fsanitize=fuzzer (libFuzzer's main).
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "EINVOICE_FUZZ=ON needs clang (-DCMAKE_CXX_COMPILER=clang++)")
  endif()
  set(EINVOICE_SANITIZE ON)
  target_compile_options(einvoice_options INTERFACE -fsanitize=fuzzer-no-link)
endif()
if(EINVOICE_SANITIZE)
  target_compile_options(einvoice_options INTERFACE -fsanitize=address,undefined
                         -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(einvoice_options INTERFACE -fsanitize=address,undefined)
endif()

# Include directories follow the module graph. Each module's folder is staged
# on its own (build/module-include/<target>/formats/cii -> formats/cii), and
# a module target sees only its own stage and the stages its linked targets
# make public: a header of a module it does not link does not compile.
# Programs (tests, bench, fuzz) see the whole source tree: they link what
# they test. tests/architecture checks that each README's "Module
# dependencies" line and the CMake links agree.
set(EINVOICE_PROGRAM_FOLDERS tests bench fuzz)

function(einvoice_stage_module name module_dir)
  set(stage "${CMAKE_BINARY_DIR}/module-include/${name}")
  get_filename_component(parent "${stage}/${module_dir}" DIRECTORY)
  file(MAKE_DIRECTORY "${parent}")
  if(NOT EXISTS "${stage}/${module_dir}")
    file(CREATE_LINK "${CMAKE_SOURCE_DIR}/${module_dir}" "${stage}/${module_dir}" SYMBOLIC)
  endif()
  get_target_property(type ${name} TYPE)
  if(type STREQUAL "EXECUTABLE")
    target_include_directories(${name} PRIVATE "${stage}")
  else()
    target_include_directories(${name} PUBLIC "${stage}")
  endif()
endfunction()

# einvoice_target(<name>): the shared compiler settings, and the include
# directories of the folder the target is defined in (its module's stage, or
# the source tree for a program).
function(einvoice_target name)
  target_link_libraries(${name} PRIVATE einvoice_options)
  file(RELATIVE_PATH module_dir "${CMAKE_SOURCE_DIR}" "${CMAKE_CURRENT_SOURCE_DIR}")
  string(REGEX REPLACE "/.*" "" top "${module_dir}")
  if(top IN_LIST EINVOICE_PROGRAM_FOLDERS)
    target_include_directories(${name} PRIVATE "${CMAKE_SOURCE_DIR}")
  else()
    einvoice_stage_module(${name} "${module_dir}")
  endif()
endfunction()
