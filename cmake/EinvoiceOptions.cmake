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
target_include_directories(einvoice_options INTERFACE ${CMAKE_SOURCE_DIR})

function(einvoice_target name)
  target_link_libraries(${name} PRIVATE einvoice_options)
endfunction()
