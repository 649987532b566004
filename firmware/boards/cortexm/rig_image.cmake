# rig_image.cmake - builds one flashable image from firmware/core + a board port.
# Board figures (clock, baud, stack reserve, UART RX buffer, sample rate) are read from
# profiles/<board>.yaml so the profile stays the one source of truth.
#
#   rig_arm_image(CPU_FLAGS <flags...> LINKER_SCRIPT <file> SOURCES <files...>)
# produces ${CMAKE_BINARY_DIR}/firmware.elf, firmware.bin, firmware.hex and firmware.map.

set(RIG_FIRMWARE_DIR ${CMAKE_CURRENT_LIST_DIR}/../..)
get_filename_component(RIG_FIRMWARE_DIR ${RIG_FIRMWARE_DIR} ABSOLUTE)
set(RIG_CORTEXM_DIR ${CMAKE_CURRENT_LIST_DIR})

# Reads "<key>: <integer>" from the profile's section (first match after "<section>:").
function(rig_profile_int section key out)
  set(file ${RIG_FIRMWARE_DIR}/../profiles/${RIG_BOARD}.yaml)
  if(NOT EXISTS ${file})
    message(FATAL_ERROR "no profile ${file} for board ${RIG_BOARD}")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
  file(READ ${file} text)
  string(REGEX MATCH "\n${section}:[^\n]*\n(  [^\n]*\n|#[^\n]*\n|\n)*" block "\n${text}\n")
  string(REGEX MATCH "\n  ${key}: *([0-9]+)" m "${block}")
  if(NOT m)
    message(FATAL_ERROR "${file}: ${section}.${key}: missing (needed by the ${RIG_BOARD} image)")
  endif()
  set(${out} ${CMAKE_MATCH_1} PARENT_SCOPE)
endfunction()

function(rig_arm_image)
  cmake_parse_arguments(IMG "" "LINKER_SCRIPT" "CPU_FLAGS;SOURCES" ${ARGN})
  rig_profile_int(board clock_hz clock_hz)
  rig_profile_int(serial baud baud)
  rig_profile_int(serial rx_buffer_bytes rx_bytes)
  rig_profile_int(memory stack_reserve_bytes stack_bytes)
  rig_profile_int(frontend sample_rate sample_rate)

  add_executable(firmware.elf
    ${RIG_CORE_SOURCES}
    ${IMG_SOURCES}
    ${RIG_CORTEXM_DIR}/runtime.c ${RIG_CORTEXM_DIR}/board_common.c
    ${RIG_CORTEXM_DIR}/main.c)
  set_target_properties(firmware.elf PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
  target_include_directories(firmware.elf PRIVATE
    ${RIG_FIRMWARE_DIR}/core
    ${RIG_FIRMWARE_DIR}/generated/${RIG_BOARD}
    ${RIG_CORTEXM_DIR}
    ${CMAKE_CURRENT_SOURCE_DIR})
  target_compile_definitions(firmware.elf PRIVATE
    RIG_BOARD_NAME="${RIG_BOARD}"
    RIG_CLOCK_HZ=${clock_hz}u
    RIG_UART_BAUD=${baud}u
    RIG_UART_RX_BYTES=${rx_bytes}u
    RIG_MIC_SAMPLE_RATE=${sample_rate}u)
  # main.c follows the core as it grows: the app loop once app.c exists, state sizes for
  # `rig mem` once frontend.c / model.c exist (re-checked whenever the core/*.c glob changes).
  foreach(module app frontend model)
    if(EXISTS ${RIG_FIRMWARE_DIR}/core/${module}.c)
      string(TOUPPER ${module} upper)
      target_compile_definitions(firmware.elf PRIVATE RIG_HAVE_${upper}=1)
    endif()
  endforeach()
  target_compile_options(firmware.elf PRIVATE
    ${IMG_CPU_FLAGS} -Os -g -ffunction-sections -fdata-sections -fno-common
    -fcallgraph-info=su  # per-object call graph + frame sizes (.ci): `rig mem` derives the worst-case stack
    ${RIG_WARNINGS})
  target_link_options(firmware.elf PRIVATE
    ${IMG_CPU_FLAGS}
    -T${IMG_LINKER_SCRIPT} -L${RIG_CORTEXM_DIR}
    -nostartfiles --specs=nano.specs
    -Wl,--gc-sections -Wl,--defsym=__stack_size=${stack_bytes}
    -Wl,-Map=${CMAKE_BINARY_DIR}/firmware.map -Wl,--fatal-warnings)
  set_property(TARGET firmware.elf APPEND PROPERTY LINK_DEPENDS
    ${IMG_LINKER_SCRIPT} ${RIG_CORTEXM_DIR}/cortexm_sections.ld)
  add_custom_command(TARGET firmware.elf POST_BUILD
    COMMAND ${CMAKE_OBJCOPY} -O binary firmware.elf firmware.bin
    COMMAND ${CMAKE_OBJCOPY} -O ihex firmware.elf firmware.hex
    WORKING_DIRECTORY ${CMAKE_BINARY_DIR}
    BYPRODUCTS ${CMAKE_BINARY_DIR}/firmware.bin ${CMAKE_BINARY_DIR}/firmware.hex
    VERBATIM)
endfunction()
