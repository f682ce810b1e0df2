// Styles are compiled by the Taro build, not by Jest: every stylesheet import resolves here.
module.exports = {}
