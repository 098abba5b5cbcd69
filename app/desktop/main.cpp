// fairtender-desktop: the Qt Widgets front end; everything it does lives in
// fairtender_desktop so the GUI tests drive exactly what ships.
#include "desktop/DesktopApp.h"

int main(int argc, char** argv) {
    return fairtender::desktop::runDesktop(argc, argv);
}
