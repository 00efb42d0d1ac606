module easemob-generators/openapi-generator

go 1.25

require github.com/easemob-generators/client v0.0.0

require gopkg.in/validator.v2 v2.0.1 // indirect

replace github.com/easemob-generators/client => ./client
