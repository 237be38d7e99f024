// stb_image keeps the reason of its last failure in a (thread-local) global that nothing
// clears, so a decode that fails without setting one would report an earlier image's
// reason. Clear it before each decode whose reason is shown. Defined in
// third_party_impl.cpp, the translation unit that holds stb_image.
#pragma once

namespace podium {

void ClearStbFailureReason();

}  // namespace podium
