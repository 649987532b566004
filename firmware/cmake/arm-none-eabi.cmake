# Toolchain file for the board images: GNU Arm Embedded (arm-none-eabi-gcc + newlib-nano),
# bare metal. The CPU flags (-mcpu, -mthumb, FPU) are per board (boards/<board>/CMakeLists.txt).
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_CROSSCOMPILING ON)

set(RIG_ARM_PREFIX arm-none-eabi- CACHE STRING "cross tool prefix")
find_program(CMAKE_C_COMPILER ${RIG_ARM_PREFIX}gcc REQUIRED)
find_program(CMAKE_ASM_COMPILER ${RIG_ARM_PREFIX}gcc REQUIRED)
find_program(CMAKE_OBJCOPY ${RIG_ARM_PREFIX}objcopy REQUIRED)
find_program(CMAKE_SIZE ${RIG_ARM_PREFIX}size REQUIRED)

# No OS to run test executables on: compiler checks build a static library instead.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
