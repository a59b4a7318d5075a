# Compiler settings shared by every einvoice target: call einvoice_target(<name>).
add_library(einvoice_options INTERFACE)
target_compile_options(einvoice_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                       -Wnon-virtual-dtor)
if(EINVOICE_WERROR)
  target_compile_options(einvoice_options INTERFACE -Werror)
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
