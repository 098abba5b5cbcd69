// fairtender_generate_tender: writes a synthetic tender folder for benchmarks of the
// command line. Usage: fairtender_generate_tender FOLDER [BIDS] [EVALUATORS]
#include "SyntheticTender.h"

#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: fairtender_generate_tender FOLDER [BIDS] [EVALUATORS]\n";
        return 2;
    }
    fairtender::bench::SyntheticTenderSpec spec;
    if (argc > 2)
        spec.bids = std::stoi(argv[2]);
    if (argc > 3)
        spec.evaluatorsPerScore = std::stoi(argv[3]);
    fairtender::bench::writeTenderFolder(fairtender::bench::generateTender(spec), argv[1]);
    std::cout << "wrote " << spec.bids << " bids to " << argv[1] << "\n";
    return 0;
}
