#include "inference/arranger/GenreVocabulary.h"

#include <algorithm>
#include <cstring>

namespace s2a::inference::arranger {

const std::vector<GenreWord>& genreWords()
{
    using S = Style;
    static const std::vector<GenreWord> words = [] {
        std::vector<GenreWord> w{
            // Hip hop and its neighbours.
            {"lo fi hip hop", S::LoFi}, {"lofi hip hop", S::LoFi}, {"lo fi", S::LoFi}, {"lofi", S::LoFi},
            {"chillhop", S::LoFi}, {"chill hop", S::LoFi}, {"chillout", S::LoFi, 80, 100}, {"chill out", S::LoFi, 80, 100},
            {"downtempo", S::LoFi, 80, 100}, {"trip hop", S::LoFi, 75, 95}, {"triphop", S::LoFi, 75, 95},
            {"vaporwave", S::LoFi, 70, 90}, {"hip hop", S::HipHop}, {"hiphop", S::HipHop}, {"rap", S::HipHop},
            {"trap", S::HipHop}, {"boom bap", S::HipHop}, {"grime", S::HipHop}, {"phonk", S::HipHop},
            {"drill", S::HipHop},
            // Pop.
            {"pop", S::Pop}, {"synthpop", S::Pop}, {"synth pop", S::Pop}, {"electropop", S::Pop}, {"electro pop", S::Pop},
            {"indie pop", S::Pop}, {"ballad", S::Pop}, {"k pop", S::Pop, 100, 130}, {"kpop", S::Pop, 100, 130},
            {"j pop", S::Pop, 100, 140}, {"jpop", S::Pop, 100, 140}, {"city pop", S::Pop, 95, 120},
            {"instrumental pop", S::Pop}, {"new wave", S::Pop, 110, 140}, {"easy listening", S::Pop, 80, 110},
            {"hyperpop", S::Pop, 140, 170},
            // Rock and metal.
            {"rock", S::Rock}, {"pop rock", S::Rock}, {"classic rock", S::Rock}, {"hard rock", S::Rock},
            {"indie rock", S::Rock}, {"indie", S::Rock}, {"alternative", S::Rock}, {"alternative rock", S::Rock},
            {"instrumental rock", S::Rock}, {"grunge", S::Rock}, {"punk", S::Rock, 150, 190},
            {"punk rock", S::Rock, 150, 190}, {"post rock", S::Rock, 90, 130}, {"progressive", S::Rock},
            {"progressive rock", S::Rock}, {"psychedelic", S::Rock}, {"psychedelic rock", S::Rock},
            {"shoegaze", S::Rock, 90, 130}, {"emo", S::Rock}, {"rock n roll", S::Rock, 150, 180},
            {"rock and roll", S::Rock, 150, 180}, {"rocknroll", S::Rock, 150, 180}, {"surf rock", S::Rock, 140, 170},
            {"metal", S::Metal}, {"heavy metal", S::Metal}, {"thrash", S::Metal}, {"djent", S::Metal},
            {"industrial", S::Metal, 110, 140},
            // Electronic.
            {"edm", S::Edm}, {"electronic", S::Edm}, {"electronica", S::Edm}, {"dance", S::Edm}, {"trance", S::Edm, 130, 140},
            {"dubstep", S::Edm, 138, 142}, {"future bass", S::Edm, 130, 160}, {"electro", S::Edm},
            {"eurodance", S::Edm, 130, 145}, {"breakbeat", S::Edm, 125, 140}, {"big beat", S::Edm, 120, 140},
            {"idm", S::Edm}, {"drum and bass", S::Edm, 165, 178}, {"drum n bass", S::Edm, 165, 178},
            {"drumnbass", S::Edm, 165, 178}, {"dnb", S::Edm, 165, 178},
            {"jungle", S::Edm, 160, 175}, {"synthwave", S::Edm, 85, 118}, {"retrowave", S::Edm, 85, 118},
            {"outrun", S::Edm, 95, 120}, {"darkwave", S::Edm, 100, 125}, {"hardstyle", S::Edm, 145, 155},
            {"house", S::House}, {"deep house", S::House}, {"lo fi house", S::House, 115, 124},
            {"lofi house", S::House, 115, 124}, {"tropical house", S::House, 100, 115}, {"afro house", S::House, 118, 124},
            {"tech house", S::House, 122, 128}, {"progressive house", S::House, 124, 130}, {"club", S::House},
            {"techno", S::House, 125, 140}, {"minimal techno", S::House, 125, 135}, {"garage", S::House},
            {"uk garage", S::House, 128, 135},
            // Jazz, funk, soul.
            {"jazz", S::Jazz}, {"jazzy", S::Jazz}, {"bebop", S::Jazz}, {"swing", S::Jazz}, {"big band", S::Jazz},
            {"fusion", S::Jazz, 100, 130}, {"jazz fusion", S::Jazz, 100, 130}, {"improvisation", S::Jazz},
            {"lounge", S::Jazz, 90, 120}, {"acid jazz", S::Funk, 100, 118}, {"funk", S::Funk}, {"funky", S::Funk},
            {"soul", S::Soul}, {"neo soul", S::Soul}, {"rnb", S::Soul}, {"r b", S::Soul},
            {"motown", S::Soul}, {"gospel", S::Soul}, {"disco", S::Disco}, {"nu disco", S::Disco},
            {"funk disco", S::Disco},
            // Ambient, film, classical.
            {"ambient", S::Ambient}, {"dark ambient", S::Ambient}, {"drone", S::Ambient}, {"atmospheric", S::Ambient},
            {"new age", S::Ambient}, {"newage", S::Ambient}, {"meditation", S::Ambient}, {"soundscape", S::Ambient},
            {"cinematic", S::Cinematic}, {"film score", S::Cinematic}, {"score", S::Cinematic},
            {"orchestral", S::Cinematic}, {"symphonic", S::Cinematic}, {"classical", S::Cinematic},
            {"epic", S::Cinematic}, {"trailer", S::Cinematic}, {"soundtrack", S::Cinematic}, {"film", S::Cinematic},
            {"movie", S::Cinematic}, {"documentary", S::Cinematic},
            // Folk and world.
            {"folk", S::Folk}, {"pop folk", S::Folk}, {"country", S::Folk}, {"americana", S::Folk},
            {"bluegrass", S::Folk, 110, 140}, {"singer songwriter", S::Folk}, {"celtic", S::Folk}, {"chanson", S::Folk},
            {"medieval", S::Folk}, {"latin", S::Latin}, {"salsa", S::Latin, 160, 200}, {"bossa nova", S::Latin},
            {"bossa", S::Latin}, {"samba", S::Latin}, {"cumbia", S::Latin, 85, 110}, {"reggaeton", S::Latin, 88, 100},
            {"dembow", S::Latin, 88, 100}, {"bachata", S::Latin, 120, 140}, {"tango", S::Latin, 110, 130},
            {"afrobeat", S::Latin, 100, 115}, {"afrobeats", S::Latin, 100, 115}, {"afro", S::Latin, 100, 115},
            {"world", S::Latin}, {"world fusion", S::Latin}, {"ethno", S::Latin}, {"flamenco", S::Latin},
            {"reggae", S::Reggae}, {"dub", S::Reggae}, {"ska", S::Reggae, 120, 160}, {"dancehall", S::Reggae, 90, 105},
            {"blues", S::Blues}, {"bluesy", S::Blues}, {"blues rock", S::Blues}, {"shuffle", S::Blues},
        };
        std::stable_sort(w.begin(), w.end(), [](const GenreWord& a, const GenreWord& b) {
            return std::strlen(a.phrase) > std::strlen(b.phrase);
        });
        return w;
    }();
    return words;
}

}  // namespace s2a::inference::arranger
