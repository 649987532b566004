/*
 * app.h - the firmware main loop (implementation: app.c). A port's main() is:
 *     board_init();
 *     static rig_app_t app;            (caller-owned; no allocation anywhere)
 *     rig_app_init(&app);
 *     for (;;) rig_app_poll(&app);     (returns after at most one unit of work; the app calls
 *                                       board_idle() itself when there is nothing to do)
 * The struct layout belongs to app.c's author; this header defines rig_app_t.
 */
#ifndef RIG_APP_H
#define RIG_APP_H
#endif
